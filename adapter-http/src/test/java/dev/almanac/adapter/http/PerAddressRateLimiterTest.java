package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.fakes.MutableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class PerAddressRateLimiterTest {
    private static final RateLimit SIGN_IN = new RateLimit("sign_in", 2, Duration.ofMinutes(1));

    private final MutableClock clock = MutableClock.at("2026-03-01T12:00:00Z");

    @Test
    void many_addresses_never_hold_more_buckets_than_the_bound() {
        var limiter = new PerAddressRateLimiter(clock, Duration.ofMinutes(1), 100);

        for (int i = 0; i < 5_000; i++) {
            limiter.check(SIGN_IN, "2001:db8::" + Integer.toHexString(i));
        }

        assertThat(limiter.buckets()).isLessThanOrEqualTo(100);
    }

    @Test
    void a_bucket_unused_for_the_longest_period_is_forgotten() {
        var limiter = new PerAddressRateLimiter(clock, Duration.ofMinutes(1), 100);
        limiter.check(SIGN_IN, "192.0.2.1");
        limiter.check(SIGN_IN, "192.0.2.2");

        clock.advance(Duration.ofSeconds(61));

        assertThat(limiter.buckets()).isZero();
    }

    @Test
    void the_wait_is_rounded_up_to_whole_seconds() {
        var limiter = new PerAddressRateLimiter(clock, Duration.ofMinutes(1), 100);
        limiter.check(SIGN_IN, "192.0.2.1");
        limiter.check(SIGN_IN, "192.0.2.1");
        clock.advance(Duration.ofMillis(500));

        assertThatThrownBy(() -> limiter.check(SIGN_IN, "192.0.2.1"))
                .isInstanceOfSatisfying(HttpProblem.class, p -> {
                    assertThat(p.status()).isEqualTo(429);
                    // one token per 30 s, half a second of it gone: 29.5 s, said as 30
                    assertThat(p.retryAfterSeconds()).isEqualTo(30);
                });
    }
}
