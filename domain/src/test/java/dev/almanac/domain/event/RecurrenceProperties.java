package dev.almanac.domain.event;

import static dev.almanac.domain.testing.Events.anEvent;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of series expansion, over random rules, zones and windows. */
class RecurrenceProperties {
    private static final Instant EPOCH_START = Instant.parse("2000-01-01T00:00:00Z");

    @Property(tries = 300)
    void a_window_sees_exactly_the_occurrences_of_the_whole_series_that_overlap_it(
            @ForAll("serieses") Event series, @ForAll("offsets") long fromDays, @ForAll("lengths") long windowDays) {
        Instant from = series.slot().start().plus(Duration.ofDays(fromDays)).minus(Duration.ofHours(7));
        Instant to = from.plus(Duration.ofDays(windowDays));
        // up to 2 a day (BYHOUR=8,13) over 3,100 days: the whole series before the window never reaches this cap
        List<Occurrence> whole = take(series, series.slot().start(), to, 20_000);
        List<Occurrence> expected = whole.stream()
                .filter(o -> o.slot().start().isBefore(to) && o.slot().end().isAfter(from)).toList();
        assertThat(take(series, from, to, 5_000)).containsExactlyElementsOf(expected);
    }

    @Property(tries = 300)
    void occurrences_come_in_start_order_without_repeats_and_last_as_long_as_the_master(
            @ForAll("serieses") Event series) {
        List<Occurrence> occurrences = take(series, series.slot().start(), Instant.parse("2040-01-01T00:00:00Z"), 300);
        assertThat(occurrences).isNotEmpty();
        assertThat(occurrences.get(0).originalStart()).isEqualTo(series.time().start());
        for (int i = 1; i < occurrences.size(); i++) {
            assertThat(occurrences.get(i).slot().start()).isAfterOrEqualTo(occurrences.get(i - 1).slot().start());
            assertThat(Recurrence.local(occurrences.get(i).originalStart(), series.time().start()))
                    .isAfter(Recurrence.local(occurrences.get(i - 1).originalStart(), series.time().start()));
        }
        assertThat(occurrences).allSatisfy(o -> assertThat(o.time().start()).isEqualTo(o.originalStart()));
    }

    @Property(tries = 300)
    void a_counted_series_has_at_most_count_occurrences_and_its_end_is_the_last_one(
            @ForAll("serieses") Event series) {
        if (series.recurrence().rule().flatMap(r -> r.count().isPresent() ? java.util.Optional.of(r) : java.util.Optional.empty()).isEmpty()) {
            return;
        }
        int count = series.recurrence().rule().get().count().getAsInt();
        List<Occurrence> all = take(series, Instant.MIN, Instant.MAX, 20_000);
        assertThat(all).hasSizeLessThanOrEqualTo(count);
        assertThat(series.seriesEnd()).contains(all.get(all.size() - 1).slot().end());
    }

    static List<Occurrence> take(Event series, Instant from, Instant to, int max) {
        List<Occurrence> out = new ArrayList<>();
        for (var it = series.occurrences(from, to); it.hasNext() && out.size() < max; ) {
            out.add(it.next());
        }
        return out;
    }

    @Provide
    Arbitrary<Long> offsets() {
        return Arbitraries.longs().between(-40, 3_000);
    }

    @Provide
    Arbitrary<Long> lengths() {
        return Arbitraries.longs().between(1, 60);
    }

    @Provide
    Arbitrary<Event> serieses() {
        Arbitrary<String> zones = Arbitraries.of("America/New_York", "Europe/Berlin", "Australia/Lord_Howe",
                "Pacific/Kiritimati", "Asia/Kolkata");
        Arbitrary<String> rules = Arbitraries.of(
                "RRULE:FREQ=DAILY", "RRULE:FREQ=DAILY;INTERVAL=3;COUNT=50", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR",
                "RRULE:FREQ=WEEKLY;INTERVAL=2;COUNT=30", "RRULE:FREQ=MONTHLY;BYDAY=-1FR",
                "RRULE:FREQ=MONTHLY;BYMONTHDAY=31", "RRULE:FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29",
                "RRULE:FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-1;COUNT=40",
                "RRULE:FREQ=DAILY;BYHOUR=8,13;UNTIL=20300101T000000Z", "RRULE:FREQ=YEARLY;BYWEEKNO=1,-1;BYDAY=TH");
        Arbitrary<LocalDateTime> starts = Combinators.combine(Arbitraries.integers().between(2000, 2030),
                        Arbitraries.integers().between(1, 365), Arbitraries.integers().between(0, 47))
                .as((y, d, halfHours) -> LocalDate.ofYearDay(y, Math.min(d, 365)).atStartOfDay()
                        .plusMinutes(30L * halfHours));
        Arbitrary<Integer> minutes = Arbitraries.of(15, 60, 90, 24 * 60);
        return Combinators.combine(zones, rules, starts, minutes).as((zone, rule, start, length) -> {
            var begin = new TimePoint.Wall(start, java.time.ZoneId.of(zone));
            var end = new TimePoint.Wall(start.plusMinutes(length), java.time.ZoneId.of(zone));
            Event single = anEvent().from(begin).to(end).inCalendarZone(zone).build();
            return single.recurring(Recurrence.parse(List.of(rule), begin), EPOCH_START);
        });
    }
}
