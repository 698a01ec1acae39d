package dev.almanac.adapter.http.security;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.SigningKeyStore;
import dev.almanac.application.port.SigningKeyStore.StoredKey;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The Ed25519 keys that sign and verify access tokens, kept in the shared {@link SigningKeyStore} so that every
 * replica signs with the same key and verifies every other's tokens.
 *
 * <p>Rotation: when the newest key is older than the rotation period, the next key is stored with
 * {@code activeFrom} one publish lead in the future. Replicas re-read the store at least every
 * {@value #RELOAD_SECONDS} seconds, so all of them know (and publish in the JWKS) a key before any token it signs
 * exists. A key that has been succeeded keeps verifying until its successor's start plus the longest possible
 * token lifetime ({@link #MAX_TOKEN_LIFETIME}) plus clock skew; a day after that it is deleted.
 *
 * <p>A key id is only ever looked up in this ring; nothing in a token ({@code kid}, {@code jku}, {@code x5u},
 * {@code jwk}) is used as a location. Ids have a fixed shape, so a {@code kid} such as {@code ../../etc/passwd}
 * is refused before any look-up.
 */
public final class SigningKeyRing {
    public static final String ALGORITHM = "EdDSA";
    public static final Duration MAX_TOKEN_LIFETIME = Duration.ofHours(24);
    public static final Duration DEFAULT_ROTATION = Duration.ofDays(30);
    public static final Duration DEFAULT_PUBLISH_LEAD = Duration.ofMinutes(10);
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);
    static final long RELOAD_SECONDS = 60;
    /** At most one extra read of the store per this many seconds for an unknown {@code kid}. */
    static final long UNKNOWN_KID_RELOAD_SECONDS = 10;
    private static final Pattern KID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final int ED25519_X509_LENGTH = 44;

    private final SigningKeyStore store;
    private final KeyWrap wrap;
    private final SecureRandom random;
    private final Duration rotation;
    private final Duration publishLead;

    private List<Entry> entries = List.of();
    private Instant loadedAt = Instant.MIN;
    private Instant unknownKidReloadAt = Instant.MIN;
    private String cachedPrivateKid;
    private PrivateKey cachedPrivate;

    public SigningKeyRing(SigningKeyStore store, KeyWrap wrap, SecureRandom random) {
        this(store, wrap, random, DEFAULT_ROTATION, DEFAULT_PUBLISH_LEAD);
    }

    public SigningKeyRing(SigningKeyStore store, KeyWrap wrap, SecureRandom random, Duration rotation,
                          Duration publishLead) {
        this.store = requireNonNull(store, "store");
        this.wrap = requireNonNull(wrap, "wrap");
        this.random = requireNonNull(random, "random");
        this.rotation = requireNonNull(rotation, "rotation");
        this.publishLead = requireNonNull(publishLead, "publishLead");
        if (publishLead.compareTo(Duration.ofSeconds(RELOAD_SECONDS * 2)) < 0 || rotation.compareTo(publishLead) <= 0) {
            throw new IllegalArgumentException("the publish lead must cover two reloads and be shorter than the "
                    + "rotation period");
        }
    }

    /** A key that may sign now, with its id. */
    record SigningKey(String kid, PrivateKey privateKey) {
        @Override
        public String toString() {
            return "SigningKey[kid=" + kid + ", privateKey=redacted]";
        }
    }

    /** A public key as published in the JWKS. */
    public record PublishedKey(String kid, PublicKey publicKey) {
        /** The raw 32-byte Ed25519 public key (RFC 8037 {@code x}), base64url without padding. */
        public String x() {
            byte[] der = publicKey.getEncoded();
            return Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Arrays.copyOfRange(der, der.length - 32, der.length));
        }
    }

    private record Entry(String kid, PublicKey publicKey, byte[] wrapped, Instant createdAt, Instant activeFrom) {
    }

    /**
     * Makes sure a key exists and can be opened with this deployment's secret; call it at start, so that a
     * misconfigured replica stops at once instead of failing its first sign-in.
     *
     * @throws KeyWrap.KeyUnwrapException when the current key was wrapped under another secret
     */
    public void prepare(Instant now) {
        signingKey(now);
    }

    /** The key to sign with at {@code now}, rotating first when the newest key is due. */
    synchronized SigningKey signingKey(Instant now) {
        ensureCurrent(now);
        Entry active = entries.stream()
                .filter(e -> !e.activeFrom().isAfter(now))
                .reduce((a, b) -> b)
                .orElse(entries.get(0));
        if (!active.kid().equals(cachedPrivateKid)) {
            cachedPrivate = privateKey(active);
            cachedPrivateKid = active.kid();
        }
        return new SigningKey(active.kid(), cachedPrivate);
    }

    /** Makes the first key, or the next one when the newest is due for rotation. */
    private void ensureCurrent(Instant now) {
        refresh(now, false);
        if (entries.isEmpty()) {
            create(now, now, Instant.EPOCH);
        } else {
            Entry newest = entries.stream().max(Comparator.comparing(Entry::createdAt)).orElseThrow();
            if (!newest.createdAt().plus(rotation).isAfter(now)) {
                create(now, now.plus(publishLead), newest.createdAt());
                prune(now);
            }
        }
    }

    /** The public key for {@code kid} if it is ours and may still verify at {@code now}. */
    synchronized Optional<PublicKey> verificationKey(String kid, Instant now) {
        if (kid == null || !KID.matcher(kid).matches()) {
            return Optional.empty();
        }
        refresh(now, false);
        Optional<Entry> found = find(kid);
        if (found.isEmpty() && !now.isBefore(unknownKidReloadAt.plusSeconds(UNKNOWN_KID_RELOAD_SECONDS))) {
            unknownKidReloadAt = now;
            refresh(now, true);
            found = find(kid);
        }
        return found.filter(e -> verifiesUntil(e).isAfter(now)).map(Entry::publicKey);
    }

    /** Every key that may verify a token at {@code now}, including the next one, published ahead of use. */
    public synchronized List<PublishedKey> published(Instant now) {
        ensureCurrent(now);
        return entries.stream().filter(e -> verifiesUntil(e).isAfter(now))
                .map(e -> new PublishedKey(e.kid(), e.publicKey())).toList();
    }

    private Optional<Entry> find(String kid) {
        return entries.stream().filter(e -> e.kid().equals(kid)).findFirst();
    }

    private Instant verifiesUntil(Entry entry) {
        return entries.stream()
                .filter(e -> e.activeFrom().isAfter(entry.activeFrom()))
                .map(Entry::activeFrom)
                .min(Comparator.naturalOrder())
                .map(successor -> successor.plus(MAX_TOKEN_LIFETIME).plus(CLOCK_SKEW))
                .orElse(Instant.MAX);
    }

    private void refresh(Instant now, boolean force) {
        if (force || now.isBefore(loadedAt) || !now.isBefore(loadedAt.plusSeconds(RELOAD_SECONDS))) {
            List<Entry> loaded = new ArrayList<>();
            for (StoredKey key : store.all()) {
                if (ALGORITHM.equals(key.algorithm()) && KID.matcher(key.kid()).matches()) {
                    loaded.add(new Entry(key.kid(), publicKey(key.publicKey()), key.wrappedPrivateKey(),
                            key.createdAt(), key.activeFrom()));
                }
            }
            loaded.sort(Comparator.comparing(Entry::activeFrom).thenComparing(Entry::createdAt));
            entries = List.copyOf(loaded);
            loadedAt = now;
        }
    }

    private void create(Instant now, Instant activeFrom, Instant unlessCreatedAfter) {
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            byte[] id = new byte[16];
            random.nextBytes(id);
            String kid = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
            byte[] plain = pair.getPrivate().getEncoded();
            byte[] wrapped = wrap.wrap(plain, kid);
            Arrays.fill(plain, (byte) 0);
            store.addUnlessCreatedAfter(new StoredKey(kid, ALGORITHM, pair.getPublic().getEncoded(), wrapped, now,
                    activeFrom), unlessCreatedAfter);
            refresh(now, true);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java runtime cannot make Ed25519 keys", e);
        }
    }

    private void prune(Instant now) {
        for (Entry entry : entries) {
            Instant until = verifiesUntil(entry);
            if (until.isBefore(now.minus(Duration.ofDays(1)))) {
                store.remove(entry.kid());
            }
        }
        refresh(now, true);
    }

    private PrivateKey privateKey(Entry entry) {
        byte[] plain = wrap.unwrap(entry.wrapped(), entry.kid());
        try {
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(plain));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the stored signing key " + entry.kid() + " is not an Ed25519 key", e);
        } finally {
            Arrays.fill(plain, (byte) 0);
        }
    }

    private static PublicKey publicKey(byte[] x509) {
        if (x509.length != ED25519_X509_LENGTH) {
            throw new IllegalStateException("a stored public key is not an Ed25519 key");
        }
        try {
            return KeyFactory.getInstance("Ed25519").generatePublic(new X509EncodedKeySpec(x509));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a stored public key is not an Ed25519 key", e);
        }
    }

    @Override
    public String toString() {
        return "SigningKeyRing[Ed25519, rotation=" + rotation + ", publishLead=" + publishLead + "]";
    }
}
