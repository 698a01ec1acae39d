package dev.almanac.domain.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static LoginThrottle afterFailures(int n, Instant at) {
        LoginThrottle throttle = LoginThrottle.clean(at);
        for (int i = 0; i < n; i++) {
            throttle = throttle.begin(at).next();
        }
        return throttle;
    }

    @Test
    void ten_attempts_are_allowed_and_the_tenth_failure_locks() {
        LoginThrottle throttle = afterFailures(9, NOW);
        assertThat(throttle.isLocked(NOW)).isFalse();

        var tenth = throttle.begin(NOW);

        assertThat(tenth.allowed()).isTrue();
        assertThat(tenth.lockedNow()).isTrue();
        assertThat(tenth.next().isLocked(NOW)).isTrue();
        assertThat(tenth.next().begin(NOW.plusSeconds(1)).allowed()).isFalse();
    }

    @Test
    void a_success_before_the_limit_starts_the_count_over() {
        LoginThrottle throttle = afterFailures(9, NOW).succeeded(NOW);

        assertThat(throttle.failures()).isZero();
        assertThat(throttle.begin(NOW).allowed()).isTrue();
    }

    @Nested
    class GivenALockedAccount {
        private final LoginThrottle locked = afterFailures(10, NOW);

        @Test
        void every_attempt_is_refused_until_the_lock_ends() {
            assertThat(locked.begin(NOW.plus(Duration.ofMinutes(14))).allowed()).isFalse();
        }

        @Test
        void after_the_lock_a_fresh_budget_begins() {
            var attempt = locked.begin(NOW.plus(LoginThrottle.LOCK));

            assertThat(attempt.allowed()).isTrue();
            assertThat(attempt.next().failures()).isEqualTo(1);
        }
    }

    @Test
    void failures_older_than_the_window_are_forgotten() {
        var later = afterFailures(9, NOW).begin(NOW.plus(LoginThrottle.WINDOW));

        assertThat(later.next().failures()).isEqualTo(1);
        assertThat(later.lockedNow()).isFalse();
    }

    @Test
    void no_more_than_a_hundred_attempts_an_hour_are_ever_verified() {
        LoginThrottle throttle = LoginThrottle.clean(NOW);
        int allowed = 0;
        for (int second = 0; second < 3600; second++) {
            var attempt = throttle.begin(NOW.plusSeconds(second));
            throttle = attempt.next();
            allowed += attempt.allowed() ? 1 : 0;
        }
        assertThat(allowed).isLessThanOrEqualTo(100);
    }
}
