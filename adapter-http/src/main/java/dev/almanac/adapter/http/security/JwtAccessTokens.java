package dev.almanac.adapter.http.security;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.Header;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.JwsHeader;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.LocatorAdapter;
import io.jsonwebtoken.security.SignatureException;
import java.security.Key;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Access tokens as JWTs (RFC 7519) signed with Ed25519 ({@code alg: EdDSA}, RFC 8037) by the keys of a
 * {@link SigningKeyRing}, following the JWT best current practices (RFC 8725): only EdDSA is accepted
 * ({@code none}, HMAC, RSA and ECDSA are refused whatever the header says), the type is explicit
 * ({@code typ: at+jwt}, RFC 9068), the key is found by {@code kid} in the ring and nowhere else (a token carrying
 * {@code jku}, {@code x5u}, {@code x5c} or {@code jwk} is refused outright), and issuer, audience, expiry and
 * not-before are always required and checked, with {@value #CLOCK_SKEW_SECONDS} seconds of clock skew. Claims:
 * {@code sub} (account id), {@code sid} (session id, ADR 0015), {@code iat}, {@code nbf}, {@code exp},
 * {@code jti}. A token without a UUID {@code sid} is refused: whether the session still lives is asked per request
 * by the caller, not here.
 */
public final class JwtAccessTokens implements AccessTokens {
    public static final String ISSUER = "almanac";
    public static final String AUDIENCE = "almanac-api";
    public static final String TYPE = "at+jwt";
    /** The session-id claim (the name OpenID Connect uses for a session, e.g. in back-channel logout). */
    public static final String SESSION_CLAIM = "sid";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    static final long CLOCK_SKEW_SECONDS = 30;
    private static final int MAX_TOKEN_LENGTH = 4096;
    private static final Set<String> LOCATION_HEADERS = Set.of("jku", "x5u", "x5c", "jwk");
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");

    /** How many verified tokens are remembered; the least recently used one is forgotten first. */
    static final int VERIFIED_CACHE_SIZE = 10_000;

    private final SigningKeyRing ring;
    private final Duration lifetime;
    /**
     * Tokens whose signature and claims were already checked, with the window they are valid in. An Ed25519
     * verification costs about a millisecond of CPU on JDK 17, and a client sends the same token with every request
     * for its whole life, so each token is verified once; later requests only check its validity window. Only
     * tokens that passed every check are kept.
     */
    private final Map<String, Verified> verified = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Verified> eldest) {
                    return size() > VERIFIED_CACHE_SIZE;
                }
            });

    private record Verified(Subject subject, Instant notBefore, Instant expiresAt) {
        boolean validAt(Instant now) {
            return !now.isBefore(notBefore.minusSeconds(CLOCK_SKEW_SECONDS))
                    && !now.isAfter(expiresAt.plusSeconds(CLOCK_SKEW_SECONDS));
        }
    }

    public JwtAccessTokens(SigningKeyRing ring) {
        this(ring, DEFAULT_LIFETIME);
    }

    public JwtAccessTokens(SigningKeyRing ring, Duration lifetime) {
        this.ring = requireNonNull(ring, "ring");
        this.lifetime = requireNonNull(lifetime, "lifetime");
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0
                || lifetime.compareTo(SigningKeyRing.MAX_TOKEN_LIFETIME) > 0) {
            throw new IllegalArgumentException("the token lifetime must be between one second and "
                    + SigningKeyRing.MAX_TOKEN_LIFETIME);
        }
    }

    @Override
    public IssuedToken issue(Subject subject, Instant now) {
        requireNonNull(subject, "subject");
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        SigningKeyRing.SigningKey key = ring.signingKey(now);
        String token = Jwts.builder()
                .header().type(TYPE).keyId(key.kid()).and()
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .subject(subject.account().value().toString())
                .claim(SESSION_CLAIM, subject.session().value().toString())
                .issuedAt(Date.from(issuedAt))
                .notBefore(Date.from(issuedAt))
                .expiration(Date.from(issuedAt.plus(lifetime)))
                .id(UUID.randomUUID().toString())
                .signWith(key.privateKey(), Jwts.SIG.EdDSA)
                .compact();
        return new IssuedToken(token, lifetime);
    }

    @Override
    public Optional<Subject> verify(String token, Instant now) {
        if (token == null || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        // A token in the cache was verified whole before, shape included: the shape check (a regular expression,
        // visible in a CPU profile of every request) is only for tokens not seen yet.
        Verified known = verified.get(token);
        if (known != null) {
            if (known.validAt(now)) {
                return Optional.of(known.subject());
            }
            verified.remove(token);
            return Optional.empty();
        }
        if (!SHAPE.matcher(token).matches()) {
            return Optional.empty();
        }
        try {
            Jws<Claims> jws = Jwts.parser()
                    .sig().clear().add(Jwts.SIG.EdDSA).and()
                    .keyLocator(new RingLocator(now))
                    .requireIssuer(ISSUER)
                    .requireAudience(AUDIENCE)
                    .clock(() -> Date.from(now))
                    .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                    .build()
                    .parseSignedClaims(token);
            Claims claims = jws.getPayload();
            if (claims.getExpiration() == null || claims.getNotBefore() == null || claims.getSubject() == null
                    || !(claims.get(SESSION_CLAIM) instanceof String session)) {
                return Optional.empty();
            }
            var subject = new Subject(new AccountId(UUID.fromString(claims.getSubject())),
                    new SessionId(UUID.fromString(session)));
            verified.put(token, new Verified(subject, claims.getNotBefore().toInstant(),
                    claims.getExpiration().toInstant()));
            return Optional.of(subject);
        } catch (RuntimeException e) {
            // Untrusted input: every failure, whatever the library calls it, means "not a valid token".
            return Optional.empty();
        }
    }

    /** The public keys that verify tokens now and soon, as a JSON Web Key Set (RFC 7517, RFC 8037). */
    public Map<String, Object> jwks(Instant now) {
        List<Map<String, String>> keys = ring.published(now).stream().map(k -> {
            Map<String, String> jwk = new LinkedHashMap<>();
            jwk.put("kty", "OKP");
            jwk.put("crv", "Ed25519");
            jwk.put("x", k.x());
            jwk.put("kid", k.kid());
            jwk.put("use", "sig");
            jwk.put("alg", SigningKeyRing.ALGORITHM);
            return jwk;
        }).toList();
        return Map.of("keys", keys);
    }

    /** Finds the verification key by {@code kid} in the ring; refuses every header that names a location. */
    private final class RingLocator extends LocatorAdapter<Key> {
        private final Instant now;

        RingLocator(Instant now) {
            this.now = now;
        }

        @Override
        protected Key locate(JwsHeader header) {
            if (!SigningKeyRing.ALGORITHM.equals(header.getAlgorithm()) || !TYPE.equals(header.getType())
                    || LOCATION_HEADERS.stream().anyMatch(header::containsKey)) {
                throw new SignatureException("refused header");
            }
            return ring.verificationKey(header.getKeyId(), now)
                    .orElseThrow(() -> new SignatureException("unknown key"));
        }

        @Override
        protected Key doLocate(Header header) {
            throw new SignatureException("not a signed token");
        }
    }

    @Override
    public String toString() {
        return "JwtAccessTokens[EdDSA, lifetime=" + lifetime + "]";
    }
}
