package dev.almanac.application.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * Where the access-token signing keys live, shared by every replica on one database. The store keeps bytes it
 * does not understand: the public key, and the private key already wrapped (encrypted) by the token adapter.
 */
public interface SigningKeyStore {

    /** Every stored key, oldest first. */
    List<StoredKey> all();

    /**
     * Stores {@code key} unless a key created after {@code createdAfter} exists already (another replica rotated
     * first). Replicas rotating at the same moment are serialised, so one rotation makes one key.
     *
     * @return whether the key was stored
     */
    boolean addUnlessCreatedAfter(StoredKey key, Instant createdAfter);

    /** Forgets a key (one that no longer verifies any unexpired token); nothing happens when it is gone already. */
    void remove(String kid);

    /**
     * A signing key as stored.
     *
     * @param kid               the key id ({@code kid} header), 1..64 base64url characters
     * @param algorithm         the JWS algorithm, e.g. {@code EdDSA}
     * @param publicKey         the public key, X.509 SubjectPublicKeyInfo (DER)
     * @param wrappedPrivateKey the private key, encrypted by the adapter; never logged
     * @param activeFrom        when it may start signing (later than creation, so every replica knows it first)
     */
    record StoredKey(String kid, String algorithm, byte[] publicKey, byte[] wrappedPrivateKey, Instant createdAt,
                     Instant activeFrom) {
        public StoredKey {
            requireNonNull(kid, "kid");
            requireNonNull(algorithm, "algorithm");
            requireNonNull(publicKey, "publicKey");
            requireNonNull(wrappedPrivateKey, "wrappedPrivateKey");
            requireNonNull(createdAt, "createdAt");
            requireNonNull(activeFrom, "activeFrom");
            publicKey = publicKey.clone();
            wrappedPrivateKey = wrappedPrivateKey.clone();
        }

        @Override
        public byte[] publicKey() {
            return publicKey.clone();
        }

        @Override
        public byte[] wrappedPrivateKey() {
            return wrappedPrivateKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof StoredKey k && kid.equals(k.kid) && algorithm.equals(k.algorithm)
                    && Arrays.equals(publicKey, k.publicKey) && Arrays.equals(wrappedPrivateKey, k.wrappedPrivateKey)
                    && createdAt.equals(k.createdAt) && activeFrom.equals(k.activeFrom);
        }

        @Override
        public int hashCode() {
            return kid.hashCode();
        }

        @Override
        public String toString() {
            return "StoredKey[kid=" + kid + ", algorithm=" + algorithm + ", createdAt=" + createdAt + ", activeFrom="
                    + activeFrom + ", privateKey=redacted]";
        }
    }
}
