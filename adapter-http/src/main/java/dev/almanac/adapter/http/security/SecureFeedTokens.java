package dev.almanac.adapter.http.security;

import dev.almanac.application.port.FeedTokens;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Feed tokens of 256 random bits (base64url, 43 characters), stored as their SHA-256. */
public final class SecureFeedTokens implements FeedTokens {
    private final SecureRandom random;

    public SecureFeedTokens(SecureRandom random) {
        this.random = random;
    }

    @Override
    public String issue() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    @Override
    public String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
