package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/**
 * The SHA-256 of a high-entropy secret (a refresh token, an API key, a verification token), as 64 lower-case hex
 * digits. Only this is ever stored: a database dump does not hand out working secrets. A fast hash is enough
 * here because the secrets carry at least 128 random bits; a slow, salted hash is for passwords.
 */
public record SecretHash(String hex) {
    private static final Pattern HEX = Pattern.compile("[0-9a-f]{64}");

    public SecretHash {
        requireNonNull(hex, "hex");
        if (!HEX.matcher(hex).matches()) {
            throw new IllegalArgumentException("a secret hash is 64 lower-case hex digits");
        }
    }

    /** Hashes a secret as presented by a client (UTF-8). */
    public static SecretHash of(String secret) {
        requireNonNull(secret, "secret");
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return new SecretHash(HexFormat.of().formatHex(digest));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** Compares in constant time, so timing does not tell how much of a guess was right. */
    public boolean matches(SecretHash other) {
        return MessageDigest.isEqual(hex.getBytes(StandardCharsets.US_ASCII),
                other.hex.getBytes(StandardCharsets.US_ASCII));
    }
}
