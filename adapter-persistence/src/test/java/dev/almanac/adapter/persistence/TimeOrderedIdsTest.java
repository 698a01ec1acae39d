package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.fakes.MutableClock;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TimeOrderedIdsTest {
    /** The order PostgreSQL (and an index) keeps uuids in: unsigned bytes. */
    private static final Comparator<UUID> BYTE_ORDER = Comparator
            .comparing((UUID u) -> u.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    private final MutableClock clock = MutableClock.at("2026-03-08T09:00:00.123Z");
    private final TimeOrderedIds ids = new TimeOrderedIds(clock, new SecureRandom());

    @Test
    void ids_are_version_7_with_the_rfc_variant() {
        UUID id = ids.next();

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
    }

    @Test
    void the_first_48_bits_are_the_clock_s_unix_milliseconds() {
        UUID id = ids.next();

        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(clock.millis());
        assertThat(id.toString().replace("-", "")).startsWith(String.format("%012x", clock.millis()));
    }

    @Test
    void ids_made_later_sort_later() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            made.add(ids.next());
            clock.advance(Duration.ofMillis(i % 3));
        }

        assertThat(made).isSortedAccordingTo(BYTE_ORDER).doesNotHaveDuplicates();
    }

    @Test
    void ids_keep_increasing_while_the_clock_stands_still_even_past_the_counter_s_end() {
        List<UUID> made = new ArrayList<>();
        for (int i = 0; i < 10_000; i++) {
            made.add(ids.next());
        }

        assertThat(made).isSortedAccordingTo(BYTE_ORDER);
        assertThat(new HashSet<>(made)).hasSize(made.size());
    }

    @Test
    void ids_keep_increasing_when_the_clock_steps_back() {
        UUID before = ids.next();
        clock.set(Instant.parse("2026-03-08T08:59:59Z"));

        assertThat(BYTE_ORDER.compare(ids.next(), before)).isPositive();
    }

    @Test
    void a_clock_before_1970_is_refused() {
        TimeOrderedIds early = new TimeOrderedIds(Clock.fixed(Instant.parse("1969-12-31T23:59:59Z"), ZoneOffset.UTC),
                new SecureRandom());

        assertThatThrownBy(early::next).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void a_missing_clock_or_random_source_is_refused() {
        assertThatThrownBy(() -> new TimeOrderedIds(null, new SecureRandom())).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new TimeOrderedIds(clock, null)).isInstanceOf(NullPointerException.class);
    }
}
