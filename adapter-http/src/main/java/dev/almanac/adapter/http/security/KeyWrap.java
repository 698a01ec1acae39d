package dev.almanac.adapter.http.security;

import static java.util.Objects.requireNonNull;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts signing keys before they reach the database: AES-256-GCM under a key-encryption key derived from the
 * deployment's token secret ({@code ALMANAC_TOKEN_SECRET}) with HMAC-SHA256 and a fixed label, a fresh 96-bit
 * nonce per key, and the key id as associated data (so a wrapped key cannot be moved to another id). Output:
 * {@code nonce || ciphertext || tag}.
 */
public final class KeyWrap {
    private static final String LABEL = "almanac signing-key wrap v1";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey kek;
    private final SecureRandom random;

    /** @param secret at least 256 bits; the array is not kept */
    public KeyWrap(byte[] secret, SecureRandom random) {
        requireNonNull(secret, "secret");
        if (secret.length < 32) {
            throw new IllegalArgumentException("the key-encryption secret must be at least 32 bytes");
        }
        this.random = requireNonNull(random, "random");
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] derived = hmac.doFinal(LABEL.getBytes(StandardCharsets.UTF_8));
            this.kek = new SecretKeySpec(derived, "AES");
            Arrays.fill(derived, (byte) 0);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    byte[] wrap(byte[] plain, String kid) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed).array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt a signing key", e);
        }
    }

    /** @throws KeyUnwrapException when the bytes were wrapped under another secret, or altered */
    byte[] unwrap(byte[] wrapped, String kid) {
        if (wrapped.length <= NONCE_BYTES) {
            throw new KeyUnwrapException(kid);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, kek, new GCMParameterSpec(TAG_BITS, wrapped, 0, NONCE_BYTES));
            cipher.updateAAD(kid.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(wrapped, NONCE_BYTES, wrapped.length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new KeyUnwrapException(kid);
        }
    }

    @Override
    public String toString() {
        return "KeyWrap[AES-256-GCM, key=redacted]";
    }

    /** A stored private key that this deployment's secret cannot open. */
    public static final class KeyUnwrapException extends IllegalStateException {
        private static final long serialVersionUID = 1L;

        KeyUnwrapException(String kid) {
            super("The signing key " + kid + " in the database cannot be decrypted with this ALMANAC_TOKEN_SECRET; "
                    + "every replica sharing a database must be given the same secret");
        }
    }
}
