package dev.almanac.domain.event;

import static dev.almanac.domain.testing.Events.anEvent;
import static dev.almanac.domain.testing.Events.day;
import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Series expand on wall time in their own zone; gaps and overlaps resolve as RFC 5545 §3.3.5 says. */
class RecurrenceDstTest {

    static Event series(TimePoint start, TimePoint end, String calendarZone, String... lines) {
        Event single = anEvent().from(start).to(end).inCalendarZone(calendarZone).build();
        return single.recurring(Recurrence.parse(List.of(lines), start), single.updatedAt());
    }

    static List<Occurrence> all(Event series, String from, String to) {
        List<Occurrence> out = new ArrayList<>();
        series.occurrences(Instant.parse(from), Instant.parse(to)).forEachRemaining(out::add);
        return out;
    }

    static List<ZonedDateTime> starts(List<Occurrence> occurrences) {
        return occurrences.stream().map(o -> ((TimePoint.Wall) o.time().start()).zoned()).toList();
    }

    @Nested
    class NewYork {
        @Test
        void a_weekly_nine_oclock_meeting_stays_at_nine_across_both_switches() {
            Event weekly = series(wall("2026-03-02T09:00", "America/New_York"),
                    wall("2026-03-02T10:00", "America/New_York"), "America/New_York", "RRULE:FREQ=WEEKLY;COUNT=40");
            List<ZonedDateTime> starts = starts(all(weekly, "2026-01-01T00:00:00Z", "2027-01-01T00:00:00Z"));
            assertThat(starts).hasSize(40).allSatisfy(s -> assertThat(s.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
            assertThat(starts.get(0).toInstant()).isEqualTo(Instant.parse("2026-03-02T14:00:00Z"));
            assertThat(starts.get(1).toInstant()).isEqualTo(Instant.parse("2026-03-09T13:00:00Z"));
            assertThat(starts).filteredOn(s -> s.toLocalDate().toString().equals("2026-11-02")).singleElement()
                    .satisfies(s -> assertThat(s.toInstant()).isEqualTo(Instant.parse("2026-11-02T14:00:00Z")));
        }

        @Test
        void a_time_in_the_spring_gap_moves_forward_by_the_gap_and_keeps_its_length() {
            Event daily = series(wall("2026-03-06T02:30", "America/New_York"),
                    wall("2026-03-06T03:00", "America/New_York"), "America/New_York", "RRULE:FREQ=DAILY;COUNT=4");
            List<Occurrence> occurrences = all(daily, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
            assertThat(occurrences).hasSize(4);
            Occurrence gapDay = occurrences.get(2);
            assertThat(gapDay.originalStart()).isEqualTo(wall("2026-03-08T02:30", "America/New_York"));
            assertThat(gapDay.slot().start()).isEqualTo(Instant.parse("2026-03-08T07:30:00Z")); // 03:30 EDT
            assertThat(gapDay.slot().duration()).hasMinutes(30);
            assertThat(occurrences.get(3).slot().start()).isEqualTo(Instant.parse("2026-03-09T06:30:00Z"));
        }

        @Test
        void a_time_in_the_autumn_overlap_is_its_first_occurrence() {
            Event daily = series(wall("2026-10-31T01:30", "America/New_York"),
                    wall("2026-10-31T02:00", "America/New_York"), "America/New_York", "RRULE:FREQ=DAILY;COUNT=3");
            List<Occurrence> occurrences = all(daily, "2026-10-01T00:00:00Z", "2026-12-01T00:00:00Z");
            assertThat(occurrences.get(1).slot().start()).isEqualTo(Instant.parse("2026-11-01T05:30:00Z")); // EDT
            assertThat(occurrences.get(2).slot().start()).isEqualTo(Instant.parse("2026-11-02T06:30:00Z")); // EST
        }
    }

    @Test
    void berlin_keeps_nine_oclock_while_utc_moves_twice() {
        Event weekly = series(wall("2026-03-23T09:00", "Europe/Berlin"), wall("2026-03-23T09:30", "Europe/Berlin"),
                "Europe/Berlin", "RRULE:FREQ=WEEKLY;BYDAY=MO;UNTIL=20261103T000000Z");
        List<Occurrence> occurrences = all(weekly, "2026-03-01T00:00:00Z", "2027-01-01T00:00:00Z");
        assertThat(occurrences.get(0).slot().start()).isEqualTo(Instant.parse("2026-03-23T08:00:00Z"));
        assertThat(occurrences.get(1).slot().start()).isEqualTo(Instant.parse("2026-03-30T07:00:00Z"));
        assertThat(occurrences.get(occurrences.size() - 1).slot().start())
                .isEqualTo(Instant.parse("2026-11-02T08:00:00Z"));
        assertThat(starts(occurrences)).allSatisfy(s -> assertThat(s.toLocalTime()).isEqualTo(LocalTime.of(9, 0)));
    }

    @Nested
    class LordHowe {
        @Test
        void a_time_in_the_half_hour_gap_moves_forward_by_half_an_hour() {
            Event daily = series(wall("2026-10-03T02:15", "Australia/Lord_Howe"),
                    wall("2026-10-03T02:45", "Australia/Lord_Howe"), "Australia/Lord_Howe", "RRULE:FREQ=DAILY;COUNT=3");
            List<ZonedDateTime> starts = starts(all(daily, "2026-09-01T00:00:00Z", "2026-11-01T00:00:00Z"));
            assertThat(starts.get(0).getOffset().getTotalSeconds()).isEqualTo(10 * 3600 + 1800);
            assertThat(starts.get(1).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-04T02:45"));
            assertThat(starts.get(1).getOffset().getTotalSeconds()).isEqualTo(11 * 3600);
            assertThat(starts.get(2).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-10-05T02:15"));
        }

        @Test
        void a_time_in_the_half_hour_overlap_takes_the_earlier_offset() {
            Event daily = series(wall("2026-04-04T01:45", "Australia/Lord_Howe"),
                    wall("2026-04-04T02:00", "Australia/Lord_Howe"), "Australia/Lord_Howe", "RRULE:FREQ=DAILY;COUNT=2");
            List<ZonedDateTime> starts = starts(all(daily, "2026-04-01T00:00:00Z", "2026-05-01T00:00:00Z"));
            assertThat(starts.get(1).toLocalDateTime()).isEqualTo(LocalDateTime.parse("2026-04-05T01:45"));
            assertThat(starts.get(1).getOffset().getTotalSeconds()).isEqualTo(11 * 3600);
        }
    }

    @Test
    void all_day_occurrences_keep_their_dates_on_both_sides_of_the_date_line() {
        for (String zone : List.of("Pacific/Kiritimati", "Pacific/Pago_Pago")) {
            Event daily = series(day("2026-03-09"), day("2026-03-10"), zone, "RRULE:FREQ=DAILY;COUNT=3");
            List<Occurrence> occurrences = all(daily, "2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z");
            assertThat(occurrences).extracting(o -> o.originalStart())
                    .containsExactly(day("2026-03-09"), day("2026-03-10"), day("2026-03-11"));
            assertThat(occurrences.get(0).slot().start())
                    .isEqualTo(java.time.LocalDate.parse("2026-03-09").atStartOfDay(java.time.ZoneId.of(zone))
                            .toInstant());
        }
    }

    @Test
    void a_window_returns_only_the_occurrences_that_overlap_it() {
        Event daily = series(wall("2026-03-02T23:00", "Europe/Berlin"), wall("2026-03-03T01:00", "Europe/Berlin"),
                "Europe/Berlin", "RRULE:FREQ=DAILY");
        // 2026-03-05 00:00 Berlin = 23:00Z the day before; the occurrence of the 4th runs into the window
        List<Occurrence> occurrences = all(daily, "2026-03-04T23:00:00Z", "2026-03-05T23:00:00Z");
        assertThat(occurrences).extracting(o -> o.originalStart())
                .containsExactly(wall("2026-03-04T23:00", "Europe/Berlin"), wall("2026-03-05T23:00", "Europe/Berlin"));
    }

    @Test
    void exdates_remove_and_rdates_add_occurrences_in_the_series_zone() {
        Event weekly = series(wall("2026-09-07T09:00", "Europe/Berlin"), wall("2026-09-07T10:00", "Europe/Berlin"),
                "Europe/Berlin", "RRULE:FREQ=WEEKLY;COUNT=3", "EXDATE;TZID=Europe/Berlin:20260914T090000",
                "RDATE:20260915T160000Z");
        assertThat(all(weekly, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z")).extracting(o -> o.originalStart())
                .containsExactly(wall("2026-09-07T09:00", "Europe/Berlin"), wall("2026-09-15T18:00", "Europe/Berlin"),
                        wall("2026-09-21T09:00", "Europe/Berlin"));
    }
}
