package dev.almanac.domain.event;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static dev.almanac.domain.testing.Events.day;
import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventTimeTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Nested
    class TimedSpans {

        @Test
        void an_hour_in_one_zone_is_a_timed_span() {
            var time = EventTime.timed(wall("2026-03-09T09:00", "Europe/Berlin"), wall("2026-03-09T10:00", "Europe/Berlin"));
            assertThat(time.isAllDay()).isFalse();
            assertThat(time.slotIn(ZoneId.of("UTC")))
                    .isEqualTo(new TimeSlot(Instant.parse("2026-03-09T08:00:00Z"), Instant.parse("2026-03-09T09:00:00Z")));
        }

        @Test
        void an_end_before_the_start_is_refused() {
            assertViolation(() -> EventTime.timed(wall("2026-03-09T10:00", "Europe/Berlin"),
                    wall("2026-03-09T09:00", "Europe/Berlin")), "end", "event.time.end_not_after_start");
        }

        @Test
        void an_end_equal_to_the_start_is_refused() {
            assertViolation(() -> EventTime.timed(wall("2026-03-09T10:00", "Europe/Berlin"),
                    wall("2026-03-09T10:00", "Europe/Berlin")), "end", "event.time.end_not_after_start");
        }

        @Test
        void a_start_in_the_gap_whose_resolved_instant_passes_the_end_is_refused() {
            // 02:30 does not exist; it resolves to 03:30 EDT, after the 03:15 end.
            assertViolation(() -> EventTime.timed(wall("2026-03-08T02:30", "America/New_York"),
                    wall("2026-03-08T03:15", "America/New_York")), "end", "event.time.end_not_after_start");
        }

        @Test
        void a_start_in_the_gap_whose_resolved_instant_equals_the_end_is_refused() {
            assertViolation(() -> EventTime.timed(wall("2026-03-08T02:30", "America/New_York"),
                    wall("2026-03-08T03:30", "America/New_York")), "end", "event.time.end_not_after_start");
        }

        @Test
        void a_start_in_the_gap_with_an_end_after_the_resolved_start_is_fine() {
            var time = EventTime.timed(wall("2026-03-08T02:30", "America/New_York"),
                    wall("2026-03-08T04:00", "America/New_York"));
            assertThat(time.slotIn(BERLIN).duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(time.start()).isEqualTo(wall("2026-03-08T02:30", "America/New_York"));
        }

        @Test
        void a_span_across_the_fall_back_night_counts_the_repeated_hour() {
            var time = EventTime.timed(wall("2026-11-01T00:00", "America/New_York"),
                    wall("2026-11-01T03:00", "America/New_York"));
            assertThat(time.slotIn(BERLIN).duration()).isEqualTo(Duration.ofHours(4));
        }

        @Test
        void start_and_end_may_be_in_different_zones_like_a_flight_from_new_york_to_berlin() {
            var flight = EventTime.timed(wall("2026-06-01T18:00", "America/New_York"),
                    wall("2026-06-02T08:00", "Europe/Berlin"));
            assertThat(flight.slotIn(BERLIN)).isEqualTo(new TimeSlot(
                    Instant.parse("2026-06-01T22:00:00Z"), Instant.parse("2026-06-02T06:00:00Z")));
        }

        @Test
        void different_zones_are_compared_on_resolved_instants_not_on_wall_clocks() {
            // 08:00 in Berlin is 02:00 in New York: before the 06:00 start although 08:00 > 06:00 on the wall.
            assertViolation(() -> EventTime.timed(wall("2026-06-01T06:00", "America/New_York"),
                    wall("2026-06-01T08:00", "Europe/Berlin")), "end", "event.time.end_not_after_start");
        }

        @Test
        void a_span_of_exactly_1827_days_is_accepted_and_one_second_more_is_refused() {
            var start = wall("2026-01-01T00:00", "UTC");
            assertThat(EventTime.timed(start, wall("2031-01-02T00:00", "UTC")).slotIn(BERLIN).duration())
                    .isEqualTo(Duration.ofDays(1827));
            assertViolation(() -> EventTime.timed(start, wall("2031-01-02T00:00:01", "UTC")),
                    "end", "event.time.span_too_long");
        }
    }

    @Nested
    class AllDaySpans {

        @Test
        void the_end_date_is_exclusive_so_one_day_runs_to_the_next_midnight() {
            var time = EventTime.allDay(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));
            assertThat(time.isAllDay()).isTrue();
            assertThat(time.slotIn(BERLIN)).isEqualTo(new TimeSlot(
                    Instant.parse("2026-03-08T23:00:00Z"), Instant.parse("2026-03-09T23:00:00Z")));
        }

        @Test
        void an_end_date_equal_to_the_start_date_is_refused() {
            assertViolation(() -> EventTime.allDay(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-09")),
                    "end", "event.time.end_not_after_start");
        }

        @Test
        void an_end_date_before_the_start_date_is_refused() {
            assertViolation(() -> EventTime.allDay(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-08")),
                    "end", "event.time.end_not_after_start");
        }

        @Test
        void a_day_with_a_dst_change_is_twenty_three_hours_long_on_the_time_line() {
            var time = EventTime.allDay(LocalDate.parse("2026-03-29"), LocalDate.parse("2026-03-30"));
            assertThat(time.slotIn(BERLIN).duration()).isEqualTo(Duration.ofHours(23));
        }

        @Test
        void the_slot_is_anchored_in_the_calendar_zone_on_either_side_of_the_date_line() {
            var time = EventTime.allDay(LocalDate.parse("2026-07-01"), LocalDate.parse("2026-07-02"));
            var kiritimati = time.slotIn(ZoneId.of("Pacific/Kiritimati"));
            var pagoPago = time.slotIn(ZoneId.of("Pacific/Pago_Pago"));
            assertThat(kiritimati).isEqualTo(new TimeSlot(
                    Instant.parse("2026-06-30T10:00:00Z"), Instant.parse("2026-07-01T10:00:00Z")));
            assertThat(pagoPago).isEqualTo(new TimeSlot(
                    Instant.parse("2026-07-01T11:00:00Z"), Instant.parse("2026-07-02T11:00:00Z")));
            assertThat(kiritimati.overlaps(pagoPago)).isFalse();
        }

        @Test
        void a_day_the_calendar_zone_skipped_still_gives_a_slot() {
            // Kiritimati jumped across the date line: 1994-12-31 never happened there, nor 2011-12-30 in Apia.
            var kiritimati = EventTime.allDay(LocalDate.parse("1994-12-31"), LocalDate.parse("1995-01-01"))
                    .slotIn(ZoneId.of("Pacific/Kiritimati"));
            assertThat(kiritimati.start()).isEqualTo(Instant.parse("1994-12-31T10:00:00Z"));
            assertThat(kiritimati.duration()).isEqualTo(Duration.ofDays(1));
            var apia = EventTime.allDay(LocalDate.parse("2011-12-30"), LocalDate.parse("2011-12-31"))
                    .slotIn(ZoneId.of("Pacific/Apia"));
            assertThat(apia.duration()).isEqualTo(Duration.ofDays(1));
        }

        @Test
        void a_span_of_1827_days_is_accepted_and_1828_refused() {
            var first = LocalDate.parse("2026-01-01");
            assertThat(EventTime.allDay(first, first.plusDays(1827)).end()).isEqualTo(day("2031-01-02"));
            assertViolation(() -> EventTime.allDay(first, first.plusDays(1828)), "end", "event.time.span_too_long");
        }
    }

    @Nested
    class BadShapes {

        @Test
        void a_timed_start_with_an_all_day_end_is_refused() {
            assertViolation(() -> new EventTime(wall("2026-03-09T09:00", "Europe/Berlin"), day("2026-03-10")),
                    "end", "event.time.mixed_kinds");
        }

        @Test
        void an_all_day_start_with_a_timed_end_is_refused() {
            assertViolation(() -> new EventTime(day("2026-03-09"), wall("2026-03-10T09:00", "Europe/Berlin")),
                    "end", "event.time.mixed_kinds");
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 9999, 10_000, -999_999_999, 999_999_999})
        void a_start_year_out_of_range_is_refused(int year) {
            assertViolation(() -> new EventTime(new TimePoint.Day(LocalDate.of(year, 1, 1)), day("2026-01-01")),
                    "start", "event.time.out_of_range");
            assertViolation(() -> new EventTime(
                    new TimePoint.Wall(LocalDateTime.of(year, 1, 1, 0, 0), BERLIN), wall("2026-01-01T00:00", "UTC")),
                    "start", "event.time.out_of_range");
        }

        @ParameterizedTest
        @ValueSource(ints = {9999, 10_000, 999_999_999})
        void an_end_year_out_of_range_is_refused(int year) {
            assertViolation(() -> new EventTime(day("9998-12-31"), new TimePoint.Day(LocalDate.of(year, 1, 1))),
                    "end", "event.time.out_of_range");
        }

        @Test
        void the_first_and_last_allowed_years_work() {
            assertThat(EventTime.allDay(LocalDate.parse("0001-01-01"), LocalDate.parse("0001-01-02")).isAllDay()).isTrue();
            assertThat(EventTime.timed(wall("9998-12-31T22:00", "Pacific/Kiritimati"),
                    wall("9998-12-31T23:59:59", "Pacific/Pago_Pago")).isAllDay()).isFalse();
        }
    }

    @Nested
    class ChangingOneEnd {

        private final EventTime hour = EventTime.timed(wall("2026-03-09T09:00", "Europe/Berlin"),
                wall("2026-03-09T10:00", "Europe/Berlin"));

        @Test
        void a_new_start_is_checked_against_the_old_end() {
            assertViolation(() -> hour.withStart(wall("2026-03-09T11:00", "Europe/Berlin")),
                    "end", "event.time.end_not_after_start");
            assertThat(hour.withStart(wall("2026-03-09T08:00", "Europe/Berlin")).start())
                    .isEqualTo(wall("2026-03-09T08:00", "Europe/Berlin"));
        }

        @Test
        void a_new_end_is_checked_against_the_old_start() {
            assertViolation(() -> hour.withEnd(wall("2026-03-09T08:00", "Europe/Berlin")),
                    "end", "event.time.end_not_after_start");
            assertViolation(() -> hour.withEnd(wall("2036-03-09T08:00", "Europe/Berlin")),
                    "end", "event.time.span_too_long");
            assertViolation(() -> hour.withEnd(day("2026-03-10")), "end", "event.time.mixed_kinds");
        }
    }
}
