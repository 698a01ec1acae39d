package dev.almanac.domain.event;

import static dev.almanac.domain.testing.Events.day;
import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.domain.shared.RuleViolationException;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every refusal names the line and the part that is wrong, with a stable code. */
class RecurrenceParsingTest {
    private static final TimePoint START = wall("2026-09-07T09:00", "Europe/Berlin");

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource(delimiter = '|', value = {
            "RRULE:FREQ=SECONDLY                       | recurrence[0].FREQ       | event.recurrence.frequency_unsupported",
            "RRULE:FREQ=MINUTELY;INTERVAL=15           | recurrence[0].FREQ       | event.recurrence.frequency_unsupported",
            "RRULE:FREQ=HOURLY                         | recurrence[0].FREQ       | event.recurrence.frequency_unsupported",
            "RRULE:FREQ=FORTNIGHTLY                    | recurrence[0].FREQ       | event.recurrence.invalid_value",
            "RRULE:INTERVAL=2                          | recurrence[0].FREQ       | event.recurrence.frequency_missing",
            "RRULE:FREQ=WEEKLY;BYDAY=XX                | recurrence[0].BYDAY      | event.recurrence.invalid_value",
            "RRULE:FREQ=WEEKLY;BYDAY=2MO               | recurrence[0].BYDAY      | event.recurrence.part_not_allowed",
            "RRULE:FREQ=MONTHLY;BYDAY=6MO              | recurrence[0].BYDAY      | event.recurrence.invalid_value",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=32          | recurrence[0].BYMONTHDAY | event.recurrence.invalid_value",
            "RRULE:FREQ=MONTHLY;BYMONTHDAY=0           | recurrence[0].BYMONTHDAY | event.recurrence.invalid_value",
            "RRULE:FREQ=WEEKLY;BYMONTHDAY=1            | recurrence[0].BYMONTHDAY | event.recurrence.part_not_allowed",
            "RRULE:FREQ=MONTHLY;BYWEEKNO=3             | recurrence[0].BYWEEKNO   | event.recurrence.part_not_allowed",
            "RRULE:FREQ=DAILY;BYYEARDAY=3              | recurrence[0].BYYEARDAY  | event.recurrence.part_not_allowed",
            "RRULE:FREQ=YEARLY;BYMONTH=13              | recurrence[0].BYMONTH    | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;COUNT=0                  | recurrence[0].COUNT      | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;COUNT=10001              | recurrence[0].COUNT      | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;INTERVAL=-1              | recurrence[0].INTERVAL   | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;COUNT=2;UNTIL=20260101   | recurrence[0].UNTIL      | event.recurrence.count_and_until",
            "RRULE:FREQ=DAILY;UNTIL=2026-01-01         | recurrence[0].UNTIL      | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;UNTIL=20260230           | recurrence[0].UNTIL      | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;FREQ=WEEKLY              | recurrence[0].FREQ       | event.recurrence.duplicate_part",
            "RRULE:FREQ=DAILY;COLOR=RED                | recurrence[0].COLOR      | event.recurrence.unknown_part",
            "RRULE:FREQ=DAILY;BYSETPOS=1               | recurrence[0].BYSETPOS   | event.recurrence.part_not_allowed",
            "RRULE:FREQ=DAILY;BYHOUR=0,1,2,3,4,5,6,7,8,9,10;BYMINUTE=0,5,10,15,20,25,30,35,40,45 | recurrence[0].BYHOUR | event.recurrence.too_many_times",
            "RRULE:FREQ=DAILY;BYHOUR=24                | recurrence[0].BYHOUR     | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;WKST=XY                  | recurrence[0].WKST       | event.recurrence.invalid_value",
            "RRULE:FREQ=DAILY;;                        | recurrence[0].RRULE      | event.recurrence.syntax",
            "EXRULE:FREQ=DAILY                         | recurrence[0]            | event.recurrence.unsupported_line",
            "DTSTART:20260101T000000Z                  | recurrence[0]            | event.recurrence.unsupported_line",
            "no colon here                             | recurrence[0]            | event.recurrence.syntax",
            "EXDATE;TZID=Mars/Olympus:20260907T090000  | recurrence[0].TZID       | event.recurrence.zone.unknown",
            "EXDATE:2026090                            | recurrence[0]            | event.recurrence.invalid_value",
            "RDATE;VALUE=PERIOD:20260907T090000Z/PT1H  | recurrence[0]            | event.recurrence.unsupported_value",
            "RDATE;FOO=1:20260907T090000               | recurrence[0]            | event.recurrence.syntax"})
    void an_invalid_line_is_refused_naming_the_part(String line, String field, String code) {
        var e = catchThrowableOfType(RuleViolationException.class, () -> Recurrence.parse(List.of(line), START));
        assertThat(e).as(line).isNotNull();
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly(field);
    }

    @Test
    void the_second_rule_is_refused() {
        var e = catchThrowableOfType(RuleViolationException.class,
                () -> Recurrence.parse(List.of("RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY"), START));
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("recurrence[1]");
        assertThat(e.code()).isEqualTo("event.recurrence.several_rules");
    }

    @Test
    void an_all_day_series_refuses_date_times_and_a_timed_series_dates() {
        var allDay = dev.almanac.domain.testing.Events.anEvent().from(day("2026-09-07")).to(day("2026-09-08")).build();
        var e = catchThrowableOfType(RuleViolationException.class, () -> allDay.recurring(
                Recurrence.parse(List.of("EXDATE:20260914T090000Z"), allDay.time().start()), allDay.updatedAt()));
        assertThat(e.code()).isEqualTo("event.recurrence.kind_mismatch");
        var timed = dev.almanac.domain.testing.Events.anEvent().build();
        e = catchThrowableOfType(RuleViolationException.class, () -> timed.recurring(
                Recurrence.parse(List.of("RDATE;VALUE=DATE:20260914"), timed.time().start()), timed.updatedAt()));
        assertThat(e.code()).isEqualTo("event.recurrence.kind_mismatch");
    }

    @Test
    void a_counted_rule_that_never_ends_its_count_within_the_scan_bound_is_refused() {
        var timed = dev.almanac.domain.testing.Events.anEvent().build();
        var e = catchThrowableOfType(RuleViolationException.class, () -> timed.recurring(Recurrence.parse(
                List.of("RRULE:FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=2"), timed.time().start()), timed.updatedAt()));
        assertThat(e.code()).isEqualTo("event.recurrence.expansion_limit");
    }

    @Test
    void lines_come_back_in_canonical_form_and_read_back_the_same() {
        var lines = List.of("rrule:freq=weekly;byday=mo,we;until=20261231T235959Z",
                "EXDATE;TZID=Europe/Berlin:20260907T090000,20260914T090000", "RDATE:20260915T160000Z",
                "EXDATE:20260921T090000");
        Recurrence parsed = Recurrence.parse(lines, START);
        assertThat(parsed.lines()).containsExactly("RRULE:FREQ=WEEKLY;UNTIL=20261231T235959Z;BYDAY=MO,WE",
                "RDATE:20260915T160000Z",
                "EXDATE;TZID=Europe/Berlin:20260907T090000,20260914T090000,20260921T090000");
        assertThat(Recurrence.parse(parsed.lines(), START)).isEqualTo(parsed);
    }
}
