package dev.almanac.domain.event;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TimeSlotTest {

    private static TimeSlot slot(String from, String to) {
        return new TimeSlot(Instant.parse(from), Instant.parse(to));
    }

    @Nested
    class Invariant {

        @Test
        void start_before_end_is_a_slot() {
            assertThat(slot("2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z").duration()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void an_empty_slot_is_refused() {
            assertViolation(() -> slot("2026-03-09T09:00:00Z", "2026-03-09T09:00:00Z"),
                    "end", "event.time.end_not_after_start");
        }

        @Test
        void an_inverted_slot_is_refused() {
            assertViolation(() -> slot("2026-03-09T10:00:00Z", "2026-03-09T09:00:00Z"),
                    "end", "event.time.end_not_after_start");
        }

        @Test
        void one_nanosecond_is_enough() {
            var start = Instant.parse("2026-03-09T09:00:00Z");
            assertThat(new TimeSlot(start, start.plusNanos(1)).duration()).isEqualTo(Duration.ofNanos(1));
        }
    }

    @Nested
    class Overlap {

        private final TimeSlot nineToTen = slot("2026-03-09T09:00:00Z", "2026-03-09T10:00:00Z");

        @Test
        void slots_that_share_time_overlap_both_ways() {
            var halfPastNine = slot("2026-03-09T09:30:00Z", "2026-03-09T10:30:00Z");
            assertThat(nineToTen.overlaps(halfPastNine)).isTrue();
            assertThat(halfPastNine.overlaps(nineToTen)).isTrue();
        }

        @Test
        void a_slot_inside_another_overlaps_it() {
            var inside = slot("2026-03-09T09:10:00Z", "2026-03-09T09:20:00Z");
            assertThat(nineToTen.overlaps(inside)).isTrue();
            assertThat(inside.overlaps(nineToTen)).isTrue();
        }

        @Test
        void a_slot_overlaps_itself() {
            assertThat(nineToTen.overlaps(nineToTen)).isTrue();
        }

        @Test
        void touching_slots_do_not_overlap() {
            var tenToEleven = slot("2026-03-09T10:00:00Z", "2026-03-09T11:00:00Z");
            assertThat(nineToTen.overlaps(tenToEleven)).isFalse();
            assertThat(tenToEleven.overlaps(nineToTen)).isFalse();
        }

        @Test
        void separate_slots_do_not_overlap() {
            var later = slot("2026-03-09T12:00:00Z", "2026-03-09T13:00:00Z");
            assertThat(nineToTen.overlaps(later)).isFalse();
            assertThat(later.overlaps(nineToTen)).isFalse();
        }
    }
}
