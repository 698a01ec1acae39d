package dev.almanac.domain.recurrence;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.DayOfWeek;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntPredicate;

/**
 * An RFC 5545 recurrence rule ({@code RRULE}), checked as a whole, and its expansion on wall time.
 *
 * <p>Accepted: {@code FREQ} from {@code DAILY} to {@code YEARLY}, {@code INTERVAL}, {@code COUNT} (at most
 * {@value #MAX_COUNT}) or {@code UNTIL}, {@code BYDAY} (with ordinals under {@code MONTHLY} and {@code YEARLY}),
 * {@code BYMONTHDAY}, {@code BYYEARDAY}, {@code BYWEEKNO}, {@code BYMONTH}, {@code BYSETPOS}, {@code WKST}, and
 * {@code BYHOUR}/{@code BYMINUTE}/{@code BYSECOND} up to {@value #MAX_TIMES_PER_DAY} times of day. Every refusal
 * is a {@link RuleViolationException} whose field names the part that is wrong ({@code BYMONTHDAY}).
 *
 * <p>Expansion (see {@link #instances}) runs on local wall time; placing an instance on the time line is the
 * caller's business. Dates that do not exist (30 February) are never generated, so they are skipped and not
 * counted, as RFC 5545 §3.3.10 requires.
 */
public record RecurrenceRule(Frequency frequency, int interval, OptionalInt count, Optional<Until> until,
                             List<WeekdayNum> byDay, List<Integer> byMonthDay, List<Integer> byYearDay,
                             List<Integer> byWeekNo, List<Integer> byMonth, List<Integer> bySetPos,
                             List<Integer> byHour, List<Integer> byMinute, List<Integer> bySecond,
                             DayOfWeek weekStart) {

    public static final int MAX_COUNT = 10_000;
    public static final int MAX_INTERVAL = 1_000;
    public static final int MAX_TIMES_PER_DAY = 100;
    /** The most periods (days, weeks, months or years) one expansion may scan before it gives up. */
    public static final int MAX_SCANNED_PERIODS = 100_000;
    private static final int MAX_TEXT = 1_000;

    public RecurrenceRule {
        requireNonNull(frequency, "frequency");
        requireNonNull(count, "count");
        requireNonNull(until, "until");
        byDay = List.copyOf(byDay);
        byMonthDay = List.copyOf(byMonthDay);
        byYearDay = List.copyOf(byYearDay);
        byWeekNo = List.copyOf(byWeekNo);
        byMonth = List.copyOf(byMonth);
        bySetPos = List.copyOf(bySetPos);
        byHour = List.copyOf(byHour);
        byMinute = List.copyOf(byMinute);
        bySecond = List.copyOf(bySecond);
        requireNonNull(weekStart, "weekStart");
        check(frequency, interval, count, until, byDay, byMonthDay, byYearDay, byWeekNo, byMonth, bySetPos, byHour,
                byMinute, bySecond);
    }

    /** A rule with just a frequency, e.g. {@code FREQ=WEEKLY}. */
    public static RecurrenceRule of(Frequency frequency) {
        return new RecurrenceRule(frequency, 1, OptionalInt.empty(), Optional.empty(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), List.of(), DayOfWeek.MONDAY);
    }

    /**
     * Reads the value of an {@code RRULE} ({@code FREQ=WEEKLY;BYDAY=MO,WE;UNTIL=20261231T235959Z}). Part names
     * are case-insensitive; each part may appear once.
     *
     * @throws RuleViolationException whose field names the part that is wrong
     */
    public static RecurrenceRule parse(String text) {
        requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new RuleViolationException("FREQ", "event.recurrence.frequency_missing", "The rule is empty");
        }
        if (text.length() > MAX_TEXT) {
            throw new RuleViolationException("RRULE", "event.recurrence.too_long",
                    "A rule may be at most " + MAX_TEXT + " characters");
        }
        Map<String, String> parts = new LinkedHashMap<>();
        for (String piece : text.split(";", -1)) {
            int eq = piece.indexOf('=');
            if (eq <= 0) {
                throw new RuleViolationException(piece.isEmpty() ? "RRULE" : RuleText.shown(piece),
                        "event.recurrence.syntax", "'" + RuleText.shown(piece) + "' is not NAME=VALUE");
            }
            String name = piece.substring(0, eq).strip().toUpperCase(Locale.ROOT);
            String value = piece.substring(eq + 1).strip().toUpperCase(Locale.ROOT);
            if (parts.put(name, value) != null) {
                throw new RuleViolationException(name, "event.recurrence.duplicate_part", name + " appears twice");
            }
        }
        for (String name : parts.keySet()) {
            if (!KNOWN.contains(name)) {
                throw new RuleViolationException(RuleText.shown(name), "event.recurrence.unknown_part",
                        "'" + RuleText.shown(name) + "' is not a part of a recurrence rule");
            }
        }
        String freq = parts.get("FREQ");
        if (freq == null) {
            throw new RuleViolationException("FREQ", "event.recurrence.frequency_missing",
                    "FREQ is required, e.g. FREQ=WEEKLY");
        }
        Frequency frequency = switch (freq) {
            case "DAILY" -> Frequency.DAILY;
            case "WEEKLY" -> Frequency.WEEKLY;
            case "MONTHLY" -> Frequency.MONTHLY;
            case "YEARLY" -> Frequency.YEARLY;
            case "SECONDLY", "MINUTELY", "HOURLY" -> throw new RuleViolationException("FREQ",
                    "event.recurrence.frequency_unsupported",
                    "FREQ=" + freq + " is not supported: an event repeats at most daily (use BYHOUR for several "
                            + "times a day)");
            default -> throw RuleText.invalid("FREQ",
                    "'" + RuleText.shown(freq) + "' is not DAILY, WEEKLY, MONTHLY or YEARLY");
        };
        int interval = parts.containsKey("INTERVAL") ? integer(parts.get("INTERVAL"), "INTERVAL", 1, MAX_INTERVAL) : 1;
        OptionalInt count = parts.containsKey("COUNT")
                ? OptionalInt.of(integer(parts.get("COUNT"), "COUNT", 1, MAX_COUNT)) : OptionalInt.empty();
        Optional<Until> until = Optional.ofNullable(parts.get("UNTIL")).map(RecurrenceRule::until);
        DayOfWeek weekStart = parts.containsKey("WKST") ? RuleText.day(parts.get("WKST"), "WKST") : DayOfWeek.MONDAY;
        List<WeekdayNum> byDay = new ArrayList<>();
        if (parts.containsKey("BYDAY")) {
            for (String item : list(parts.get("BYDAY"), "BYDAY")) {
                byDay.add(weekdayNum(item));
            }
        }
        return new RecurrenceRule(frequency, interval, count, until, byDay,
                numbers(parts, "BYMONTHDAY", n -> n != 0 && n >= -31 && n <= 31, "1..31 or -31..-1"),
                numbers(parts, "BYYEARDAY", n -> n != 0 && n >= -366 && n <= 366, "1..366 or -366..-1"),
                numbers(parts, "BYWEEKNO", n -> n != 0 && n >= -53 && n <= 53, "1..53 or -53..-1"),
                numbers(parts, "BYMONTH", n -> n >= 1 && n <= 12, "1..12"),
                numbers(parts, "BYSETPOS", n -> n != 0 && n >= -366 && n <= 366, "1..366 or -366..-1"),
                numbers(parts, "BYHOUR", n -> n >= 0 && n <= 23, "0..23"),
                numbers(parts, "BYMINUTE", n -> n >= 0 && n <= 59, "0..59"),
                numbers(parts, "BYSECOND", n -> n >= 0 && n <= 59, "0..59"),
                weekStart);
    }

    /** The rule as RFC 5545 text, parts in a fixed order; {@code parse(format())} gives the same rule. */
    public String format() {
        var out = new StringBuilder("FREQ=").append(frequency.name());
        if (interval != 1) {
            out.append(";INTERVAL=").append(interval);
        }
        count.ifPresent(c -> out.append(";COUNT=").append(c));
        until.ifPresent(u -> out.append(";UNTIL=").append(u.format()));
        if (!byMonth.isEmpty()) {
            out.append(";BYMONTH=").append(join(byMonth));
        }
        if (!byWeekNo.isEmpty()) {
            out.append(";BYWEEKNO=").append(join(byWeekNo));
        }
        if (!byYearDay.isEmpty()) {
            out.append(";BYYEARDAY=").append(join(byYearDay));
        }
        if (!byMonthDay.isEmpty()) {
            out.append(";BYMONTHDAY=").append(join(byMonthDay));
        }
        if (!byDay.isEmpty()) {
            out.append(";BYDAY=").append(String.join(",", byDay.stream().map(WeekdayNum::format).toList()));
        }
        if (!byHour.isEmpty()) {
            out.append(";BYHOUR=").append(join(byHour));
        }
        if (!byMinute.isEmpty()) {
            out.append(";BYMINUTE=").append(join(byMinute));
        }
        if (!bySecond.isEmpty()) {
            out.append(";BYSECOND=").append(join(bySecond));
        }
        if (!bySetPos.isEmpty()) {
            out.append(";BYSETPOS=").append(join(bySetPos));
        }
        if (weekStart != DayOfWeek.MONDAY) {
            out.append(";WKST=").append(RuleText.dayCode(weekStart));
        }
        return out.toString();
    }

    /** Whether the rule ends by itself (COUNT or UNTIL); an endless rule is only ever expanded inside a window. */
    public boolean isBounded() {
        return count.isPresent() || until.isPresent();
    }

    /**
     * The instances of the rule on wall time, in order, starting with {@code start} itself (DTSTART always counts
     * as the first instance, RFC 5545 §3.8.5.3), each counted towards {@code COUNT} and none after
     * {@code UNTIL}.
     *
     * @param zone      the zone the wall times live in, for a UTC {@code UNTIL}; empty for all-day series
     * @param notBefore a hint: instances before it may be skipped (a rule with {@code COUNT} is walked whole once
     *                  and remembered, see {@code CountedInstances})
     * @throws RuleViolationException {@code event.recurrence.expansion_limit} when the walk scans more than
     *                                {@value #MAX_SCANNED_PERIODS} periods without finishing
     */
    public Iterator<LocalDateTime> instances(LocalDateTime start, Optional<ZoneId> zone, LocalDateTime notBefore) {
        return count.isPresent() ? CountedInstances.from(this, start, zone, notBefore)
                : new Expansion(this, start, zone, notBefore);
    }

    private static final Set<String> KNOWN = Set.of("FREQ", "INTERVAL", "COUNT", "UNTIL", "BYDAY", "BYMONTHDAY",
            "BYYEARDAY", "BYWEEKNO", "BYMONTH", "BYSETPOS", "BYHOUR", "BYMINUTE", "BYSECOND", "WKST");

    private static void check(Frequency frequency, int interval, OptionalInt count, Optional<Until> until,
                              List<WeekdayNum> byDay, List<Integer> byMonthDay, List<Integer> byYearDay,
                              List<Integer> byWeekNo, List<Integer> byMonth, List<Integer> bySetPos,
                              List<Integer> byHour, List<Integer> byMinute, List<Integer> bySecond) {
        if (interval < 1 || interval > MAX_INTERVAL) {
            throw RuleText.invalid("INTERVAL", "must be between 1 and " + MAX_INTERVAL);
        }
        if (count.isPresent() && (count.getAsInt() < 1 || count.getAsInt() > MAX_COUNT)) {
            throw RuleText.invalid("COUNT", "must be between 1 and " + MAX_COUNT);
        }
        if (count.isPresent() && until.isPresent()) {
            throw new RuleViolationException("UNTIL", "event.recurrence.count_and_until",
                    "COUNT and UNTIL cannot both be given");
        }
        if (!byWeekNo.isEmpty() && frequency != Frequency.YEARLY) {
            throw notAllowed("BYWEEKNO", "only with FREQ=YEARLY");
        }
        if (!byYearDay.isEmpty() && frequency != Frequency.YEARLY) {
            throw notAllowed("BYYEARDAY", "only with FREQ=YEARLY");
        }
        if (!byMonthDay.isEmpty() && frequency == Frequency.WEEKLY) {
            throw notAllowed("BYMONTHDAY", "not with FREQ=WEEKLY");
        }
        boolean ordinals = byDay.stream().anyMatch(d -> d.ordinal() != 0);
        if (ordinals && (frequency == Frequency.DAILY || frequency == Frequency.WEEKLY)) {
            throw notAllowed("BYDAY", "ordinals such as 2MO only with FREQ=MONTHLY or FREQ=YEARLY");
        }
        if (ordinals && !byWeekNo.isEmpty()) {
            throw notAllowed("BYDAY", "ordinals such as 2MO not together with BYWEEKNO");
        }
        for (WeekdayNum day : byDay) {
            int limit = frequency == Frequency.MONTHLY || !byMonth.isEmpty() ? 5 : 53;
            if (Math.abs(day.ordinal()) > limit) {
                throw RuleText.invalid("BYDAY", "ordinal " + day.ordinal() + " is out of range (at most "
                        + limit + " in a " + (limit == 5 ? "month" : "year") + ")");
            }
        }
        if (!bySetPos.isEmpty() && byDay.isEmpty() && byMonthDay.isEmpty() && byYearDay.isEmpty()
                && byWeekNo.isEmpty() && byMonth.isEmpty() && byHour.isEmpty() && byMinute.isEmpty()
                && bySecond.isEmpty()) {
            throw notAllowed("BYSETPOS", "needs another BYxxx part to pick from");
        }
        long times = (long) Math.max(1, distinct(byHour)) * Math.max(1, distinct(byMinute))
                * Math.max(1, distinct(bySecond));
        if (times > MAX_TIMES_PER_DAY) {
            throw new RuleViolationException("BYHOUR", "event.recurrence.too_many_times",
                    "BYHOUR, BYMINUTE and BYSECOND together give " + times + " times a day; at most "
                            + MAX_TIMES_PER_DAY);
        }
    }

    private static int distinct(List<Integer> values) {
        return new HashSet<>(values).size();
    }

    private static RuleViolationException notAllowed(String part, String why) {
        return new RuleViolationException(part, "event.recurrence.part_not_allowed", part + " is allowed " + why);
    }

    private static Until until(String value) {
        if (value.endsWith("Z")) {
            return new Until.AtInstant(RuleText.dateTime(value.substring(0, value.length() - 1), "UNTIL")
                    .toInstant(java.time.ZoneOffset.UTC));
        }
        if (value.contains("T")) {
            return new Until.AtLocal(RuleText.dateTime(value, "UNTIL"));
        }
        return new Until.OnDate(RuleText.date(value, "UNTIL"));
    }

    private static WeekdayNum weekdayNum(String item) {
        if (item.length() < 2) {
            throw RuleText.invalid("BYDAY", "'" + RuleText.shown(item) + "' is not a weekday such as MO or 2MO");
        }
        DayOfWeek day = RuleText.day(item.substring(item.length() - 2), "BYDAY");
        String ordinal = item.substring(0, item.length() - 2);
        if (ordinal.isEmpty()) {
            return new WeekdayNum(0, day);
        }
        int n = integer(ordinal, "BYDAY", -53, 53);
        if (n == 0) {
            throw RuleText.invalid("BYDAY", "an ordinal cannot be 0");
        }
        return new WeekdayNum(n, day);
    }

    private static List<Integer> numbers(Map<String, String> parts, String part, IntPredicate valid, String range) {
        String value = parts.get(part);
        if (value == null) {
            return List.of();
        }
        TreeSet<Integer> out = new TreeSet<>();
        for (String item : list(value, part)) {
            int n;
            try {
                n = integer(item, part, Integer.MIN_VALUE, Integer.MAX_VALUE);
            } catch (RuleViolationException e) {
                throw RuleText.invalid(part, "'" + RuleText.shown(item) + "' is not a number in " + range);
            }
            if (!valid.test(n)) {
                throw RuleText.invalid(part, n + " is out of range (" + range + ")");
            }
            out.add(n);
        }
        return List.copyOf(out);
    }

    private static List<String> list(String value, String part) {
        String[] items = value.split(",", -1);
        if (items.length > 400) {
            throw RuleText.invalid(part, "too many values");
        }
        for (String item : items) {
            if (item.isBlank()) {
                throw RuleText.invalid(part, "has an empty value");
            }
        }
        return List.of(items);
    }

    private static int integer(String text, String part, int min, int max) {
        if (!text.matches("[+-]?[0-9]{1,9}")) {
            throw RuleText.invalid(part, "'" + RuleText.shown(text) + "' is not a whole number");
        }
        int n = Integer.parseInt(text.startsWith("+") ? text.substring(1) : text);
        if (n < min || n > max) {
            throw RuleText.invalid(part, n + " is out of range (" + min + ".." + max + ")");
        }
        return n;
    }

    private static String join(List<Integer> values) {
        return String.join(",", values.stream().map(String::valueOf).toList());
    }
}
