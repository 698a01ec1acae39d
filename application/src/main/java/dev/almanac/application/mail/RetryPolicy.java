package dev.almanac.application.mail;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * When a failed mail is tried again: after {@code firstDelay}, then twice as long each time up to
 * {@code maxDelay}; after {@code maxAttempts} failed attempts it is given up (docs/adr/0013).
 */
public record RetryPolicy(Duration firstDelay, Duration maxDelay, int maxAttempts) {
    /** 30 s, 1 min, 2 min, ... capped at 1 h; ten attempts span about five hours. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(Duration.ofSeconds(30), Duration.ofHours(1), 10);

    public RetryPolicy {
        requireNonNull(firstDelay, "firstDelay");
        requireNonNull(maxDelay, "maxDelay");
        if (firstDelay.isNegative() || firstDelay.isZero() || maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("delays must be positive and the cap not below the first");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    /** Whether a mail that has now failed {@code failedAttempts} times is given up. */
    public boolean exhausted(int failedAttempts) {
        return failedAttempts >= maxAttempts;
    }

    /** How long to wait after the {@code failedAttempts}-th failure (1 for the first). */
    public Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("no failure yet");
        }
        Duration delay = firstDelay;
        for (int i = 1; i < failedAttempts && delay.compareTo(maxDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
