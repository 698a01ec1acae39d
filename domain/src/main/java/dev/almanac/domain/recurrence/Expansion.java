package dev.almanac.domain.recurrence;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * Walks a rule period by period (a year, month, week or day, every {@code INTERVAL}th one). Each period's set is
 * built by taking every day of the period and keeping those the BYxxx parts allow (for a day, "expand" and
 * "limit" in RFC 5545's table come to the same filter), times from BYHOUR/BYMINUTE/BYSECOND or DTSTART, then
 * BYSETPOS picks positions from the sorted set. Dates that do not exist are never among a period's days.
 */
final class Expansion implements Iterator<LocalDateTime> {
    private static final int LAST_YEAR = 9998;

    private final RecurrenceRule rule;
    private final LocalDateTime start;
    private final Optional<ZoneId> zone;
    private final List<WeekdayNum> byDay;
    private final List<Integer> byMonthDay;
    private final List<Integer> byMonth;
    private final List<LocalTime> times;
    /** The weekdays BYDAY names (by {@link DayOfWeek#ordinal()}); unused when BYDAY is empty. */
    private final boolean[] weekdays = new boolean[7];
    /** Whether BYDAY names plain weekdays only (no ordinals): a day then passes it by its weekday alone. */
    private final boolean plainWeekdays;
    /** The first day of DTSTART's week (weeks start on WKST), from which WEEKLY periods count. */
    private final LocalDate firstWeekStart;
    private final ArrayDeque<LocalDateTime> pending = new ArrayDeque<>(8);
    private long period;
    private int emitted;
    private int scanned;
    private boolean startEmitted;
    private boolean done;

    Expansion(RecurrenceRule rule, LocalDateTime start, Optional<ZoneId> zone, LocalDateTime notBefore) {
        this.rule = rule;
        this.start = start;
        this.zone = zone;
        boolean noDayParts = rule.byWeekNo().isEmpty() && rule.byYearDay().isEmpty() && rule.byMonthDay().isEmpty()
                && rule.byDay().isEmpty();
        List<WeekdayNum> days = rule.byDay();
        List<Integer> monthDays = rule.byMonthDay();
        List<Integer> months = rule.byMonth();
        if (noDayParts) {
            // RFC 5545: parts the rule leaves out are taken from DTSTART.
            switch (rule.frequency()) {
                case YEARLY -> {
                    if (months.isEmpty()) {
                        months = List.of(start.getMonthValue());
                    }
                    monthDays = List.of(start.getDayOfMonth());
                }
                case MONTHLY -> monthDays = List.of(start.getDayOfMonth());
                case WEEKLY -> days = List.of(new WeekdayNum(0, start.getDayOfWeek()));
                case DAILY -> {
                }
            }
        }
        this.byDay = days;
        boolean plain = true;
        for (WeekdayNum day : days) {
            weekdays[day.day().ordinal()] = true;
            plain &= day.ordinal() == 0;
        }
        this.plainWeekdays = plain;
        this.firstWeekStart = start.toLocalDate().with(TemporalAdjusters.previousOrSame(rule.weekStart()));
        this.byMonthDay = monthDays;
        this.byMonth = months;
        this.times = times(rule, start.toLocalTime());
        if (rule.count().isEmpty() && notBefore.isAfter(start)) {
            // Without COUNT a period's instances do not depend on earlier periods: start at the one that holds
            // notBefore. Only a year's BYWEEKNO weeks reach into the next calendar year, so the year before
            // notBefore's may still hold instances after it.
            long holding = periodOf(notBefore.toLocalDate());
            this.period = Math.max(0, rule.frequency() == Frequency.YEARLY ? holding - 1 : holding);
        }
    }

    @Override
    public boolean hasNext() {
        fill();
        return !pending.isEmpty();
    }

    @Override
    public LocalDateTime next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        emitted++;
        return pending.poll();
    }

    private void fill() {
        if (!startEmitted) {
            startEmitted = true;
            pending.add(start);
            return;
        }
        while (pending.isEmpty() && !done) {
            if (rule.count().isPresent() && emitted >= rule.count().getAsInt()) {
                done = true;
                return;
            }
            if (++scanned > RecurrenceRule.MAX_SCANNED_PERIODS) {
                throw new RuleViolationException("recurrence", "event.recurrence.expansion_limit",
                        "Expanding this rule scans more than " + RecurrenceRule.MAX_SCANNED_PERIODS
                                + " periods; narrow the window or the rule");
            }
            List<LocalDate> days = days(period++);
            if (days == null) {
                done = true;
                return;
            }
            if (times.size() == 1 && rule.bySetPos().isEmpty()) {
                // One time a day and no positions to pick: the period's set is its days at that time, in order.
                LocalTime time = times.get(0);
                for (LocalDate day : days) {
                    if (!offer(day.atTime(time))) {
                        break;
                    }
                }
                continue;
            }
            List<LocalDateTime> set = new ArrayList<>(days.size() * times.size());
            for (LocalDate day : days) {
                for (LocalTime time : times) {
                    set.add(day.atTime(time));
                }
            }
            for (LocalDateTime candidate : setPositions(set)) {
                if (!offer(candidate)) {
                    break;
                }
            }
        }
    }

    /**
     * Queues {@code candidate} from the period's set, in order, unless it is DTSTART or earlier (DTSTART was given
     * first); false when the rule ends there (UNTIL passed, or COUNT reached), and nothing more is to be queued.
     */
    private boolean offer(LocalDateTime candidate) {
        if (!candidate.isAfter(start)) {
            return true;
        }
        if (rule.until().isPresent() && rule.until().get().isBefore(candidate, zone)) {
            done = true;
            return false;
        }
        if (rule.count().isPresent() && emitted + pending.size() >= rule.count().getAsInt()) {
            done = true;
            return false;
        }
        pending.add(candidate);
        return true;
    }

    /** The days of period {@code k} the rule keeps, in order; {@code null} past the last supported year. */
    private List<LocalDate> days(long k) {
        long step = k * rule.interval();
        LocalDate first = start.toLocalDate();
        List<LocalDate> all = new ArrayList<>(rule.frequency() == Frequency.YEARLY ? 64 : 32);
        // Whether the days gathered below already passed BYDAY (plain weekdays) and BYMONTHDAY on the way.
        boolean prefiltered = false;
        switch (rule.frequency()) {
            case YEARLY -> {
                long year = first.getYear() + step;
                if (year > LAST_YEAR) {
                    return null;
                }
                if (!rule.byWeekNo().isEmpty()) {
                    all.addAll(weekDays((int) year));
                } else if (!byMonth.isEmpty()) {
                    // Only the months BYMONTH keeps can hold instances: walk those, not the whole year.
                    for (int month : byMonth) {
                        monthDays(YearMonth.of((int) year, month), all);
                    }
                    prefiltered = true;
                } else {
                    LocalDate day = LocalDate.of((int) year, 1, 1);
                    for (; day.getYear() == year; day = day.plusDays(1)) {
                        all.add(day);
                    }
                }
            }
            case MONTHLY -> {
                YearMonth month = YearMonth.from(first).plusMonths(step);
                if (month.getYear() > LAST_YEAR) {
                    return null;
                }
                monthDays(month, all);
                prefiltered = true;
            }
            case WEEKLY -> {
                LocalDate weekStart = firstWeekStart.plusWeeks(step);
                if (weekStart.getYear() > LAST_YEAR) {
                    return null;
                }
                int firstWeekday = rule.weekStart().ordinal();
                for (int d = 0; d < 7; d++) {
                    if (byDay.isEmpty() || weekdays[(firstWeekday + d) % 7]) {
                        all.add(weekStart.plusDays(d));
                    }
                }
                prefiltered = byMonthDay.isEmpty();
            }
            case DAILY -> {
                LocalDate day = first.plusDays(step);
                if (day.getYear() > LAST_YEAR) {
                    return null;
                }
                all.add(day);
            }
        }
        if (prefiltered && plainWeekdays && byMonth.isEmpty() && rule.byYearDay().isEmpty()) {
            // Every part was checked on the way: each day gathered is kept.
            return all;
        }
        List<LocalDate> kept = new ArrayList<>(all.size());
        for (LocalDate day : all) {
            if (keeps(day, prefiltered && plainWeekdays)) {
                kept.add(day);
            }
        }
        return kept;
    }

    /**
     * Adds the days of {@code month} that can pass {@link #keeps}: a day whose weekday BYDAY does not name, or
     * whose day of the month BYMONTHDAY does not name, never does, so it is not even built. What is added has
     * passed BYMONTHDAY, and BYDAY too unless BYDAY has ordinals; {@link #keeps} checks the other parts.
     */
    private void monthDays(YearMonth month, List<LocalDate> out) {
        int length = month.lengthOfMonth();
        int firstWeekday = month.atDay(1).getDayOfWeek().ordinal();
        for (int d = 1; d <= length; d++) {
            if ((byDay.isEmpty() || weekdays[(firstWeekday + d - 1) % 7])
                    && (byMonthDay.isEmpty() || matches(byMonthDay, d, length))) {
                out.add(month.atDay(d));
            }
        }
    }

    /**
     * Whether the rule keeps {@code day}; {@code dayPartsChecked} when the day was gathered already passing
     * BYMONTHDAY and a BYDAY of plain weekdays, which are then not checked again.
     */
    private boolean keeps(LocalDate day, boolean dayPartsChecked) {
        if (!byMonth.isEmpty() && !byMonth.contains(day.getMonthValue())) {
            return false;
        }
        if (!rule.byYearDay().isEmpty()
                && !matches(rule.byYearDay(), day.getDayOfYear(), day.lengthOfYear())) {
            return false;
        }
        if (dayPartsChecked) {
            return true;
        }
        if (!byMonthDay.isEmpty() && !matches(byMonthDay, day.getDayOfMonth(), day.lengthOfMonth())) {
            return false;
        }
        if (!byDay.isEmpty()) {
            boolean any = false;
            for (WeekdayNum wanted : byDay) {
                if (wanted.day() == day.getDayOfWeek() && (wanted.ordinal() == 0 || ordinalMatches(wanted, day))) {
                    any = true;
                    break;
                }
            }
            return any;
        }
        return true;
    }

    /** Whether {@code day} is the n-th (or n-th last) such weekday of its month or year, as the rule scopes it. */
    private boolean ordinalMatches(WeekdayNum wanted, LocalDate day) {
        boolean inMonth = rule.frequency() == Frequency.MONTHLY || !rule.byMonth().isEmpty();
        int index = inMonth ? day.getDayOfMonth() : day.getDayOfYear();
        int length = inMonth ? day.lengthOfMonth() : day.lengthOfYear();
        int forward = (index - 1) / 7 + 1;
        int backward = -((length - index) / 7 + 1);
        return wanted.ordinal() == forward || wanted.ordinal() == backward;
    }

    private static boolean matches(List<Integer> wanted, int value, int length) {
        return wanted.contains(value) || wanted.contains(value - length - 1);
    }

    /** The days of the weeks BYWEEKNO names in week-numbering year {@code year} (weeks start on WKST). */
    private List<LocalDate> weekDays(int year) {
        LocalDate firstWeek = weekOne(year);
        int weeks = (int) (ChronoUnit.DAYS.between(firstWeek, weekOne(year + 1)) / 7);
        TreeSet<LocalDate> days = new TreeSet<>();
        for (int n : rule.byWeekNo()) {
            int week = n > 0 ? n : weeks + 1 + n;
            if (week < 1 || week > weeks) {
                continue;
            }
            LocalDate weekStart = firstWeek.plusWeeks(week - 1L);
            for (int d = 0; d < 7; d++) {
                days.add(weekStart.plusDays(d));
            }
        }
        return new ArrayList<>(days);
    }

    /** The first day of week 1: the week (starting on WKST) that holds at least four days of {@code year}. */
    private LocalDate weekOne(int year) {
        DayOfWeek weekStart = rule.weekStart();
        return LocalDate.of(year, 1, 4).with(TemporalAdjusters.previousOrSame(weekStart));
    }

    private List<LocalDateTime> setPositions(List<LocalDateTime> set) {
        if (rule.bySetPos().isEmpty() || set.isEmpty()) {
            return set;
        }
        TreeSet<LocalDateTime> picked = new TreeSet<>();
        for (int position : rule.bySetPos()) {
            int index = position > 0 ? position - 1 : set.size() + position;
            if (index >= 0 && index < set.size()) {
                picked.add(set.get(index));
            }
        }
        return new ArrayList<>(picked);
    }

    /** The index of the period that holds {@code day}, counted in steps of INTERVAL, rounded down. */
    private long periodOf(LocalDate day) {
        LocalDate first = start.toLocalDate();
        long units = switch (rule.frequency()) {
            case YEARLY -> day.getYear() - first.getYear();
            case MONTHLY -> ChronoUnit.MONTHS.between(YearMonth.from(first), YearMonth.from(day));
            case WEEKLY -> ChronoUnit.WEEKS.between(first.with(TemporalAdjusters.previousOrSame(rule.weekStart())),
                    day.with(TemporalAdjusters.previousOrSame(rule.weekStart())));
            case DAILY -> ChronoUnit.DAYS.between(first, day);
        };
        return Math.floorDiv(units, rule.interval());
    }

    private static List<LocalTime> times(RecurrenceRule rule, LocalTime startTime) {
        if (rule.byHour().isEmpty() && rule.byMinute().isEmpty() && rule.bySecond().isEmpty()) {
            return List.of(startTime);
        }
        List<Integer> hours = rule.byHour().isEmpty() ? List.of(startTime.getHour()) : rule.byHour();
        List<Integer> minutes = rule.byMinute().isEmpty() ? List.of(startTime.getMinute()) : rule.byMinute();
        List<Integer> seconds = rule.bySecond().isEmpty() ? List.of(startTime.getSecond()) : rule.bySecond();
        TreeSet<LocalTime> out = new TreeSet<>();
        for (int h : hours) {
            for (int m : minutes) {
                for (int s : seconds) {
                    out.add(LocalTime.of(h, m, s, startTime.getNano()));
                }
            }
        }
        return new ArrayList<>(out);
    }
}
