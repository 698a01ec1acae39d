package dev.almanac.domain.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.dmfs.rfc5545.DateTime;
import org.dmfs.rfc5545.recur.RecurrenceRuleIterator;

/**
 * Compares the domain's hand-written engine with an independent one nobody on the team wrote (dmfs lib-recur, in
 * test scope only) on random rules: the same wall-time instances, in the same order. Floating times are compared,
 * so what is checked is the rule semantics; placing wall times on the time line is tested in the DST suite.
 */
class LibRecurOracleTest {
    private static final int COMPARED = 40;
    /** Marks the end of an oracle list where lib-recur gave up scanning (identity-compared). */
    private static final LocalDateTime GAVE_UP = LocalDateTime.of(9999, 12, 31, 23, 59, 59, 999);

    @Property(tries = 1000)
    void the_engine_agrees_with_lib_recur(@ForAll("rules") String rule, @ForAll("starts") LocalDateTime start)
            throws Exception {
        // The one reading on which the two engines differ by design: RFC 5545's table says BYMONTHDAY *expands*
        // a YEARLY rule (every month's 1st for FREQ=YEARLY;BYMONTHDAY=1, as python-dateutil does too); lib-recur
        // keeps DTSTART's month. Ours follows the table, so that combination has its own test instead.
        Assume.that(!(rule.startsWith("FREQ=YEARLY") && rule.contains("BYMONTHDAY") && !rule.contains("BYMONTH=")));
        // lib-recur fails with an ArrayIndexOutOfBoundsException when BYDAY filters a BYYEARDAY of 366 or -366 in a
        // year without a 366th day (seen with seed 4351153708473023567): no answer to compare with, so such rules
        // are left to the example below.
        Assume.that(!(rule.contains("BYDAY") && rule.matches(".*BYYEARDAY=([-0-9]+,)*-?366\\b.*")));
        List<LocalDateTime> expected = expected(rule, start);
        List<LocalDateTime> ours = ours(rule, start);
        if (rule.contains("BYSETPOS")) {
            // The second documented difference: in DTSTART's own period lib-recur applies BYSETPOS to the
            // instances from DTSTART on, we (like python-dateutil) to the period's whole set, as RFC 5545 words
            // it. From the next period on both must agree; with COUNT the two may then be one instance apart.
            LocalDateTime next = nextPeriod(rule, start);
            expected = new ArrayList<>(expected.stream().filter(t -> t == GAVE_UP || !t.isBefore(next)).toList());
            ours = ours.stream().filter(t -> !t.isBefore(next)).toList();
            expected.remove(GAVE_UP);
            int n = Math.min(ours.size(), expected.size()) - 1;
            assertThat(ours.subList(0, Math.max(0, n))).as(rule + " from " + start)
                    .containsExactlyElementsOf(expected.subList(0, Math.max(0, n)));
            return;
        }
        if (expected.size() < COMPARED && expected.size() > 0 && expected.get(expected.size() - 1) == GAVE_UP) {
            // lib-recur stopped looking (it gives up sooner than we do on sparse rules): compare what it found.
            List<LocalDateTime> found = expected.subList(0, expected.size() - 1);
            assertThat(ours.subList(0, Math.min(ours.size(), found.size()))).as(rule + " from " + start)
                    .containsExactlyElementsOf(found);
        } else {
            assertThat(ours).as(rule + " from " + start).containsExactlyElementsOf(expected);
        }
    }

    /**
     * lib-recur leaves out a DTSTART that the rule itself does not produce; RFC 5545 §3.8.5.3 counts DTSTART as
     * the first instance always ("the COUNT rule part is counted from DTSTART"). That one documented difference
     * is applied here, and nothing else.
     */
    static List<LocalDateTime> expected(String rule, LocalDateTime start) throws Exception {
        List<LocalDateTime> oracle = new ArrayList<>(oracle(rule, start));
        boolean gaveUp = !oracle.isEmpty() && oracle.get(oracle.size() - 1) == GAVE_UP;
        if (gaveUp) {
            oracle.remove(oracle.size() - 1);
        }
        if (oracle.isEmpty() || !oracle.get(0).equals(start)) {
            oracle.add(0, start);
        }
        int limit = Math.min(COMPARED, RecurrenceRule.parse(rule).count().orElse(COMPARED));
        List<LocalDateTime> out = new ArrayList<>(oracle.subList(0, Math.min(limit, oracle.size())));
        if (gaveUp && out.size() < limit) {
            out.add(GAVE_UP);
        }
        return out;
    }

    private static LocalDateTime nextPeriod(String rule, LocalDateTime start) {
        LocalDate day = start.toLocalDate();
        if (rule.startsWith("FREQ=YEARLY")) {
            return LocalDate.of(day.getYear() + 1, 1, 1).atStartOfDay();
        }
        if (rule.startsWith("FREQ=MONTHLY")) {
            return day.withDayOfMonth(1).plusMonths(1).atStartOfDay();
        }
        if (rule.startsWith("FREQ=WEEKLY")) {
            return day.plusWeeks(1).atStartOfDay();
        }
        return day.plusDays(1).atStartOfDay();
    }

    @org.junit.jupiter.api.Test
    void the_366th_day_counted_from_either_end_exists_in_leap_years_only() {
        // 2024 is a leap year whose first day is a Monday: day -366 is 1 January, day 366 is 31 December (a Tuesday).
        assertThat(ours("FREQ=YEARLY;BYDAY=MO;BYYEARDAY=-366", LocalDateTime.of(2023, 6, 1, 9, 0)).subList(0, 2))
                .containsExactly(LocalDateTime.of(2023, 6, 1, 9, 0), LocalDateTime.of(2024, 1, 1, 9, 0));
        assertThat(ours("FREQ=YEARLY;BYDAY=TU;BYYEARDAY=366", LocalDateTime.of(2023, 6, 1, 9, 0)).subList(0, 2))
                .containsExactly(LocalDateTime.of(2023, 6, 1, 9, 0), LocalDateTime.of(2024, 12, 31, 9, 0));
    }

    static List<LocalDateTime> ours(String rule, LocalDateTime start) {
        Iterator<LocalDateTime> it = RecurrenceRule.parse(rule).instances(start, Optional.of(ZoneId.of("UTC")), start);
        List<LocalDateTime> out = new ArrayList<>();
        try {
            while (it.hasNext() && out.size() < COMPARED) {
                out.add(it.next());
            }
        } catch (dev.almanac.domain.shared.RuleViolationException e) {
            // A rule that never matches again: we give up after MAX_SCANNED_PERIODS, as lib-recur gives up
            // after its own number of empty periods; what came before must agree.
            assertThat(e.code()).isEqualTo("event.recurrence.expansion_limit");
        }
        return out;
    }

    static List<LocalDateTime> oracle(String rule, LocalDateTime start) throws Exception {
        var parsed = new org.dmfs.rfc5545.recur.RecurrenceRule(rule,
                org.dmfs.rfc5545.recur.RecurrenceRule.RfcMode.RFC5545_STRICT);
        List<LocalDateTime> out = new ArrayList<>();
        RecurrenceRuleIterator it;
        try {
            it = parsed.iterator(new DateTime(start.getYear(), start.getMonthValue() - 1,
                    start.getDayOfMonth(), start.getHour(), start.getMinute(), start.getSecond()));
        } catch (IllegalArgumentException | IllegalStateException e) {
            assertThat(e.getMessage()).containsAnyOf("empty recurrence sets", "too many filtered recurrence instances");
            out.add(GAVE_UP);
            return out;
        }
        try {
            while (it.hasNext() && out.size() < COMPARED) {
                DateTime next = it.nextDateTime();
                if (next.getYear() > 9998) {
                    break;
                }
                out.add(LocalDateTime.of(next.getYear(), next.getMonth() + 1, next.getDayOfMonth(), next.getHours(),
                        next.getMinutes(), next.getSeconds()));
            }
        } catch (IllegalArgumentException | IllegalStateException e) {
            // lib-recur gives up after many empty periods (a rule that never matches again): the end, for us.
            assertThat(e.getMessage()).containsAnyOf("empty recurrence sets", "too many filtered recurrence instances");
            out.add(GAVE_UP);
        }
        return out;
    }

    @Provide
    Arbitrary<LocalDateTime> starts() {
        return Combinators.combine(Arbitraries.integers().between(1995, 2035), Arbitraries.integers().between(1, 12),
                        Arbitraries.integers().between(1, 28), Arbitraries.integers().between(0, 23))
                .as((y, m, d, h) -> LocalDate.of(y, m, d).atTime(h, 0));
    }

    @Provide
    Arbitrary<String> rules() {
        Arbitrary<String> freq = Arbitraries.of("DAILY", "WEEKLY", "MONTHLY", "YEARLY");
        return freq.flatMap(f -> Combinators.combine(
                Arbitraries.integers().between(1, 3),
                Arbitraries.integers().between(1, 25).optional(0.5),
                list("BYMONTH", Arbitraries.integers().between(1, 12), 0.3),
                f.equals("WEEKLY") ? Arbitraries.just("") : list("BYMONTHDAY", monthDays(), 0.35),
                byDay(f),
                f.equals("YEARLY") ? list("BYYEARDAY", yearDays(), 0.15) : Arbitraries.just(""),
                list("BYHOUR", Arbitraries.integers().between(0, 23), 0.15),
                Arbitraries.of("MO", "SU", "WE").optional(0.2)
        ).as((interval, count, byMonth, byMonthDay, byDay, byYearDay, byHour, wkst) -> {
            String rule = "FREQ=" + f + ";INTERVAL=" + interval + count.map(c -> ";COUNT=" + c).orElse("")
                    + byMonth + byMonthDay + byDay + byYearDay + byHour + wkst.map(w -> ";WKST=" + w).orElse("");
            return rule;
        }).flatMap(rule -> (rule.contains("BY") ? list("BYSETPOS", Arbitraries.of(1, 2, -1, -2), 0.2)
                : Arbitraries.just("")).map(setPos -> rule + setPos)));
    }

    private static Arbitrary<Integer> monthDays() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 31), Arbitraries.integers().between(-31, -1));
    }

    private static Arbitrary<Integer> yearDays() {
        return Arbitraries.oneOf(Arbitraries.integers().between(1, 366), Arbitraries.integers().between(-366, -1));
    }

    private static Arbitrary<String> byDay(String freq) {
        Arbitrary<String> day = Arbitraries.of("MO", "TU", "WE", "TH", "FR", "SA", "SU");
        Arbitrary<String> item = freq.equals("MONTHLY") || freq.equals("YEARLY")
                ? Combinators.combine(Arbitraries.of("", "", "1", "2", "-1", "3"), day).as(String::concat)
                : day;
        return item.list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                .map(items -> ";BYDAY=" + String.join(",", items))
                .injectNull(0.6).map(s -> s == null ? "" : s);
    }

    private static Arbitrary<String> list(String part, Arbitrary<Integer> values, double probability) {
        return values.list().ofMinSize(1).ofMaxSize(3).uniqueElements()
                .map(items -> ";" + part + "=" + String.join(",", items.stream().map(String::valueOf).toList()))
                .injectNull(1 - probability).map(s -> s == null ? "" : s);
    }
}
