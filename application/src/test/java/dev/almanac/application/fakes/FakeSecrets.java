package dev.almanac.application.fakes;

import dev.almanac.application.port.Secrets;
import java.util.concurrent.atomic.AtomicLong;

/** Predictable, distinct secrets ({@code secret-000001-...}), for use-case tests only. */
public final class FakeSecrets implements Secrets {
    private final AtomicLong next = new AtomicLong(1);

    @Override
    public String next() {
        return String.format("secret-%06d-%s", next.getAndIncrement(), "x".repeat(29));
    }
}
