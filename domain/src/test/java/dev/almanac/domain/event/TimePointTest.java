package dev.almanac.domain.event;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static dev.almanac.domain.testing.Events.day;
import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** RFC 5545 §3.3.5: a wall time in a DST gap moves forward by the gap; one in an overlap takes the earlier offset. */
class TimePointTest {

    private static final ZoneId ANY_ZONE = ZoneId.of("Asia/Tokyo");

    @Test
    void a_wall_time_keeps_microseconds_but_refuses_anything_finer() {
        assertThat(wall("2026-03-09T09:00:00.123456", "Europe/Berlin").dateTime().getNano()).isEqualTo(123_456_000);
        assertViolation(() -> wall("2026-03-09T09:00:00.1234567", "Europe/Berlin"), "dateTime",
                "event.time.too_precise");
    }

    @Nested
    class NewYork {

        @Test
        void an_ordinary_time_resolves_at_its_offset() {
            assertThat(wall("2026-03-09T09:00", "America/New_York").resolve(ANY_ZONE))
                    .isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
        }

        @Test
        void half_past_two_on_the_spring_forward_night_is_half_past_three_daylight_time() {
            var zoned = wall("2026-03-08T02:30", "America/New_York").zoned();
            assertThat(zoned.toLocalDateTime()).hasToString("2026-03-08T03:30");
            assertThat(zoned.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(zoned.toInstant()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z"));
        }

        @Test
        void half_past_one_on_the_fall_back_night_is_the_first_occurrence_at_the_earlier_offset() {
            var zoned = wall("2026-11-01T01:30", "America/New_York").zoned();
            assertThat(zoned.getOffset()).isEqualTo(ZoneOffset.ofHours(-4));
            assertThat(zoned.toInstant()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z"));
        }
    }

    @Nested
    class Berlin {

        @Test
        void half_past_two_on_the_spring_forward_night_is_half_past_three_summer_time() {
            var zoned = wall("2026-03-29T02:30", "Europe/Berlin").zoned();
            assertThat(zoned.toLocalDateTime()).hasToString("2026-03-29T03:30");
            assertThat(zoned.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(zoned.toInstant()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        }

        @Test
        void half_past_two_on_the_fall_back_night_is_the_summer_time_occurrence() {
            var zoned = wall("2026-10-25T02:30", "Europe/Berlin").zoned();
            assertThat(zoned.getOffset()).isEqualTo(ZoneOffset.ofHours(2));
            assertThat(zoned.toInstant()).isEqualTo(Instant.parse("2026-10-25T00:30:00Z"));
        }
    }

    @Nested
    class LordHoweWithItsHalfHourShift {

        @Test
        void a_time_in_the_thirty_minute_gap_moves_forward_thirty_minutes() {
            var zoned = wall("2026-10-04T02:15", "Australia/Lord_Howe").zoned();
            assertThat(zoned.toLocalDateTime()).hasToString("2026-10-04T02:45");
            assertThat(zoned.getOffset()).isEqualTo(ZoneOffset.ofHours(11));
        }

        @Test
        void a_time_in_the_thirty_minute_overlap_takes_the_earlier_offset() {
            var zoned = wall("2026-04-05T01:45", "Australia/Lord_Howe").zoned();
            assertThat(zoned.getOffset()).isEqualTo(ZoneOffset.ofHours(11));
            assertThat(zoned.toInstant()).isEqualTo(Instant.parse("2026-04-04T14:45:00Z"));
        }

        @Test
        void a_time_just_after_the_overlap_is_at_standard_time() {
            assertThat(wall("2026-04-05T02:00", "Australia/Lord_Howe").zoned().getOffset())
                    .isEqualTo(ZoneOffset.ofHoursMinutes(10, 30));
        }
    }

    @Nested
    class WallTimeIgnoresTheAnchor {

        @Test
        void a_wall_time_resolves_the_same_whatever_the_calendar_zone() {
            var point = wall("2026-06-01T12:00", "Europe/Berlin");
            assertThat(point.resolve(ZoneId.of("UTC"))).isEqualTo(point.resolve(ZoneId.of("Pacific/Kiritimati")));
        }
    }

    @Nested
    class Days {

        @Test
        void a_date_is_anchored_at_the_start_of_the_day_in_the_given_zone() {
            assertThat(day("2026-07-01").resolve(ZoneId.of("Europe/Berlin")))
                    .isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
            assertThat(day("2026-07-01").resolve(ZoneId.of("UTC"))).isEqualTo(Instant.parse("2026-07-01T00:00:00Z"));
        }

        @Test
        void the_same_date_lies_a_day_apart_on_the_two_sides_of_the_date_line() {
            assertThat(day("2026-07-01").resolve(ZoneId.of("Pacific/Kiritimati")))
                    .isEqualTo(Instant.parse("2026-06-30T10:00:00Z"));
            assertThat(day("2026-07-01").resolve(ZoneId.of("Pacific/Pago_Pago")))
                    .isEqualTo(Instant.parse("2026-07-01T11:00:00Z"));
        }

        @Test
        void a_midnight_in_a_gap_moves_to_the_first_valid_instant() {
            // Chile springs forward at midnight: 2026-09-06 00:00 does not exist in Santiago.
            assertThat(day("2026-09-06").resolve(ZoneId.of("America/Santiago")))
                    .isEqualTo(Instant.parse("2026-09-06T04:00:00Z"));
        }
    }
}
