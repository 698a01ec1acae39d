package dev.almanac.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class MicrosecondClockTest {
    private final Clock fixed = Clock.fixed(Instant.parse("2026-03-08T09:00:00.123456789Z"), ZoneOffset.UTC);

    @Test
    void instants_are_cut_to_whole_microseconds() {
        assertThat(new MicrosecondClock(fixed).instant()).isEqualTo(Instant.parse("2026-03-08T09:00:00.123456Z"));
    }

    @Test
    void millis_are_the_base_clock_millis_on_every_jdk() {
        assertThat(new MicrosecondClock(fixed).millis()).isEqualTo(fixed.millis());
        assertThat(new MicrosecondClock(Clock.systemUTC()).millis()).isPositive();
    }
}
