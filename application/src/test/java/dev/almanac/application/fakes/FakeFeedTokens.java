package dev.almanac.application.fakes;

import dev.almanac.application.port.FeedTokens;
import java.util.concurrent.atomic.AtomicInteger;

/** Predictable feed tokens for tests ({@code token-1}, ...) and a hash that is 64 hex digits of the token. */
public final class FakeFeedTokens implements FeedTokens {
    private final AtomicInteger next = new AtomicInteger();

    @Override
    public String issue() {
        return "token-" + next.incrementAndGet();
    }

    @Override
    public String hash(String token) {
        StringBuilder hex = new StringBuilder();
        for (byte b : token.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            hex.append(String.format("%02x", b));
        }
        return (hex + "0".repeat(64)).substring(0, 64);
    }
}
