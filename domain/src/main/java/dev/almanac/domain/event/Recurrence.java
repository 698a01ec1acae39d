package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.recurrence.RecurrenceRule;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.TimeZones;
import dev.almanac.domain.shared.Violation;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;

/**
 * How an event repeats: at most one RFC 5545 rule ({@code RRULE}), extra dates ({@code RDATE}) and excluded
 * dates ({@code EXDATE}), read from content lines as Google's API carries them
 * ({@code ["RRULE:FREQ=WEEKLY;BYDAY=MO", "EXDATE;TZID=Europe/Berlin:20260907T090000"]}).
 *
 * <p>Dates are kept as the client gave them (a wall time in a zone, a UTC time, or a date) and placed in the
 * series' start zone when the series is expanded, so a later change of the start zone cannot strand them. A
 * timed series takes date-times, an all-day series dates.
 */
public record Recurrence(Optional<RecurrenceRule> rule, List<TimePoint> rdates, List<TimePoint> exdates) {

    /** No repetition: a single event. */
    public static final Recurrence NONE = new Recurrence(Optional.empty(), List.of(), List.of());
    public static final int MAX_LINES = 50;
    public static final int MAX_DATES = 1_000;
    private static final ZoneId UTC = ZoneId.of("UTC");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withResolverStyle(ResolverStyle.STRICT);

    public Recurrence {
        requireNonNull(rule, "rule");
        rdates = List.copyOf(rdates);
        exdates = List.copyOf(exdates);
        if (rdates.size() > MAX_DATES || exdates.size() > MAX_DATES) {
            throw new RuleViolationException("recurrence", "event.recurrence.too_many_dates",
                    "RDATE and EXDATE may each list at most " + MAX_DATES + " dates");
        }
    }

    public boolean isNone() {
        return rule.isEmpty() && rdates.isEmpty() && exdates.isEmpty();
    }

    /**
     * Reads content lines; floating date-times are read in the zone of the series' {@code start}. Each refusal names its line and, for a rule, the part: {@code recurrence[0].BYDAY}.
     *
     * @throws RuleViolationException {@code event.recurrence.*}
     */
    public static Recurrence parse(List<String> lines, TimePoint start) {
        requireNonNull(lines, "lines");
        requireNonNull(start, "start");
        ZoneId floating = start instanceof TimePoint.Wall wall ? wall.zone() : UTC;
        if (lines.size() > MAX_LINES) {
            throw new RuleViolationException("recurrence", "event.recurrence.too_many_lines",
                    "recurrence may have at most " + MAX_LINES + " lines");
        }
        Optional<RecurrenceRule> rule = Optional.empty();
        List<TimePoint> rdates = new ArrayList<>();
        List<TimePoint> exdates = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String field = "recurrence[" + i + "]";
            String line = requireNonNull(lines.get(i), "line");
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new RuleViolationException(field, "event.recurrence.syntax",
                        "A recurrence line is NAME[;PARAM=VALUE]:VALUE, e.g. RRULE:FREQ=WEEKLY");
            }
            String[] head = line.substring(0, colon).split(";", -1);
            String name = head[0].strip().toUpperCase(Locale.ROOT);
            String value = line.substring(colon + 1).strip();
            switch (name) {
                case "RRULE" -> {
                    if (rule.isPresent()) {
                        throw new RuleViolationException(field, "event.recurrence.several_rules",
                                "A series has at most one RRULE; put further dates in RDATE");
                    }
                    if (head.length > 1) {
                        throw new RuleViolationException(field, "event.recurrence.syntax",
                                "RRULE takes no parameters");
                    }
                    try {
                        rule = Optional.of(RecurrenceRule.parse(value));
                    } catch (RuleViolationException e) {
                        throw within(field, e);
                    }
                }
                case "RDATE" -> rdates.addAll(dates(field, head, value, floating));
                case "EXDATE" -> exdates.addAll(dates(field, head, value, floating));
                case "EXRULE" -> throw new RuleViolationException(field, "event.recurrence.unsupported_line",
                        "EXRULE is deprecated by RFC 5545 and not supported; use EXDATE");
                default -> throw new RuleViolationException(field, "event.recurrence.unsupported_line",
                        "Only RRULE, RDATE and EXDATE lines are supported");
            }
        }
        return new Recurrence(rule, rdates, exdates);
    }

    /** The content lines, in a canonical form: the rule first, then one RDATE and one EXDATE line per kind. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        rule.ifPresent(r -> out.add("RRULE:" + r.format()));
        out.addAll(dateLines("RDATE", rdates));
        out.addAll(dateLines("EXDATE", exdates));
        return out;
    }

    /** Whether the dates and rule suit an event whose time is {@code time} (all-day takes dates only). */
    void check(EventTime time) {
        boolean allDay = time.isAllDay();
        for (List<TimePoint> dates : List.of(rdates, exdates)) {
            for (TimePoint date : dates) {
                if ((date instanceof TimePoint.Day) != allDay) {
                    throw new RuleViolationException("recurrence", "event.recurrence.kind_mismatch",
                            allDay ? "An all-day series takes dates (VALUE=DATE) in RDATE and EXDATE"
                                    : "A timed series takes date-times in RDATE and EXDATE");
                }
            }
        }
        if (allDay && rule.isPresent()
                && !(rule.get().byHour().isEmpty() && rule.get().byMinute().isEmpty()
                && rule.get().bySecond().isEmpty())) {
            throw new RuleViolationException("recurrence", "event.recurrence.part_not_allowed",
                    "BYHOUR, BYMINUTE and BYSECOND do not apply to an all-day series");
        }
    }

    /**
     * The original starts of the series on wall time in its start zone (dates at midnight for all-day series),
     * in order: DTSTART, the rule's instances and the RDATEs, less the EXDATEs.
     *
     * @param notBefore a hint: starts before it may be left out
     */
    Iterator<LocalDateTime> starts(TimePoint start, LocalDateTime notBefore) {
        LocalDateTime first = local(start, start);
        Optional<ZoneId> zone = start instanceof TimePoint.Wall w ? Optional.of(w.zone()) : Optional.empty();
        Iterator<LocalDateTime> fromRule = rule.map(r -> r.instances(first, zone, notBefore))
                .orElseGet(() -> List.of(first).iterator());
        if (rdates.isEmpty() && exdates.isEmpty()) {
            // The rule alone: its instances already come in order, each once.
            return fromRule;
        }
        TreeSet<LocalDateTime> extra = new TreeSet<>();
        for (TimePoint rdate : rdates) {
            extra.add(local(rdate, start));
        }
        TreeSet<LocalDateTime> excluded = new TreeSet<>();
        for (TimePoint exdate : exdates) {
            excluded.add(local(exdate, start));
        }
        return new Iterator<>() {
            private LocalDateTime ruleNext = fromRule.hasNext() ? fromRule.next() : null;
            private LocalDateTime next = advance();
            private LocalDateTime last;

            private LocalDateTime advance() {
                while (true) {
                    LocalDateTime extraNext = extra.isEmpty() ? null : extra.first();
                    LocalDateTime candidate;
                    if (ruleNext == null && extraNext == null) {
                        return null;
                    }
                    if (extraNext == null || (ruleNext != null && !ruleNext.isAfter(extraNext))) {
                        candidate = ruleNext;
                        ruleNext = fromRule.hasNext() ? fromRule.next() : null;
                    } else {
                        candidate = extra.pollFirst();
                    }
                    if (candidate.equals(last) || excluded.contains(candidate)) {
                        continue;
                    }
                    last = candidate;
                    return candidate;
                }
            }

            @Override
            public boolean hasNext() {
                return next != null;
            }

            @Override
            public LocalDateTime next() {
                if (next == null) {
                    throw new NoSuchElementException();
                }
                LocalDateTime out = next;
                next = advance();
                return out;
            }
        };
    }

    /** Whether the series ends by itself: no rule, or a rule with COUNT or UNTIL. */
    boolean isBounded() {
        return rule.map(RecurrenceRule::isBounded).orElse(true);
    }

    /** A date of this recurrence as wall time in the series' start zone (midnight for dates). */
    static LocalDateTime local(TimePoint point, TimePoint start) {
        if (point instanceof TimePoint.Day day) {
            return day.date().atStartOfDay();
        }
        TimePoint.Wall wall = (TimePoint.Wall) point;
        ZoneId seriesZone = ((TimePoint.Wall) start).zone();
        if (wall.zone().equals(seriesZone)) {
            return wall.dateTime();
        }
        return wall.zoned().withZoneSameInstant(seriesZone).toLocalDateTime();
    }

    private static List<TimePoint> dates(String field, String[] head, String value, ZoneId floating) {
        Optional<ZoneId> zone = Optional.empty();
        boolean dateValues = false;
        for (int p = 1; p < head.length; p++) {
            String[] param = head[p].split("=", 2);
            String key = param[0].strip().toUpperCase(Locale.ROOT);
            String val = param.length == 2 ? param[1].strip().replace("\"", "") : "";
            switch (key) {
                case "TZID" -> zone = Optional.of(TimeZones.iana(val, field + ".TZID", "event.recurrence.zone"));
                case "VALUE" -> {
                    switch (val.toUpperCase(Locale.ROOT)) {
                        case "DATE" -> dateValues = true;
                        case "DATE-TIME" -> dateValues = false;
                        default -> throw new RuleViolationException(field, "event.recurrence.unsupported_value",
                                "VALUE=" + shown(val) + " is not supported; use DATE or DATE-TIME");
                    }
                }
                default -> throw new RuleViolationException(field, "event.recurrence.syntax",
                        "'" + shown(key) + "' is not a parameter of RDATE or EXDATE (TZID, VALUE)");
            }
        }
        List<TimePoint> out = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String text = item.strip().toUpperCase(Locale.ROOT);
            try {
                if (dateValues || (text.length() == 8 && !text.contains("T"))) {
                    out.add(new TimePoint.Day(LocalDate.parse(text, DATE)));
                } else if (text.endsWith("Z")) {
                    out.add(new TimePoint.Wall(LocalDateTime.parse(text.substring(0, text.length() - 1), DATE_TIME),
                            UTC));
                } else {
                    LocalDateTime local = LocalDateTime.parse(text, DATE_TIME);
                    out.add(new TimePoint.Wall(local, zone.orElse(floating)));
                }
            } catch (DateTimeException e) {
                throw new RuleViolationException(field, "event.recurrence.invalid_value",
                        "'" + shown(item) + "' is not a date (20260907) or date-time (20260907T090000, "
                                + "20260907T070000Z)");
            }
        }
        return out;
    }

    private static List<String> dateLines(String name, List<TimePoint> dates) {
        Map<String, List<String>> byHead = new LinkedHashMap<>();
        for (TimePoint date : dates) {
            if (date instanceof TimePoint.Day day) {
                byHead.computeIfAbsent(name + ";VALUE=DATE", k -> new ArrayList<>()).add(DATE.format(day.date()));
            } else {
                TimePoint.Wall wall = (TimePoint.Wall) date;
                if (wall.zone().getId().equals("UTC")) {
                    byHead.computeIfAbsent(name, k -> new ArrayList<>()).add(DATE_TIME.format(wall.dateTime()) + "Z");
                } else {
                    byHead.computeIfAbsent(name + ";TZID=" + wall.zone().getId(), k -> new ArrayList<>())
                            .add(DATE_TIME.format(wall.dateTime()));
                }
            }
        }
        List<String> out = new ArrayList<>();
        byHead.forEach((head, values) -> out.add(head + ":" + String.join(",", values)));
        return out;
    }

    private static RuleViolationException within(String field, RuleViolationException e) {
        List<Violation> violations = e.violations().stream()
                .map(v -> new Violation(field + "." + v.field(), v.code(), v.message()))
                .toList();
        return new RuleViolationException(e.code(), e.getMessage(), violations);
    }

    private static String shown(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
