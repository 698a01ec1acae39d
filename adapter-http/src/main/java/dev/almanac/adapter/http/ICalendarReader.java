package dev.almanac.adapter.http;

import dev.almanac.application.event.ImportCalendarUseCase;
import dev.almanac.application.event.TimeInput;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import net.fortuna.ical4j.data.CalendarParserImpl;
import net.fortuna.ical4j.data.ContentHandler;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.data.UnfoldingReader;

/**
 * Reads an iCalendar file leniently into import drafts, with ical4j's parser (unfolding relaxed) delivering raw
 * properties, so that no zone or value is resolved by the library behind our back. Normalises the known quirks:
 * Windows zone names (Outlook), {@code X-WR-TIMEZONE} for floating times, a missing VTIMEZONE for an IANA id (ids
 * are taken as IANA), swapped DTSTART/DTEND (swapped back, with a note), DURATION instead of DTEND, and a date DTSTART
 * with a UTC UNTIL (accepted by the rule engine). Components it cannot read are reported as skipped.
 */
final class ICalendarReader {
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    /** The Windows zone names Outlook and Exchange write most, mapped as CLDR's windowsZones.xml maps them. */
    private static final Map<String, String> WINDOWS = Map.ofEntries(
            Map.entry("W. Europe Standard Time", "Europe/Berlin"),
            Map.entry("Romance Standard Time", "Europe/Paris"),
            Map.entry("Central Europe Standard Time", "Europe/Budapest"),
            Map.entry("Central European Standard Time", "Europe/Warsaw"),
            Map.entry("GMT Standard Time", "Europe/London"),
            Map.entry("Eastern Standard Time", "America/New_York"),
            Map.entry("Central Standard Time", "America/Chicago"),
            Map.entry("Mountain Standard Time", "America/Denver"),
            Map.entry("Pacific Standard Time", "America/Los_Angeles"),
            Map.entry("Tokyo Standard Time", "Asia/Tokyo"),
            Map.entry("China Standard Time", "Asia/Shanghai"),
            Map.entry("India Standard Time", "Asia/Calcutta"),
            Map.entry("AUS Eastern Standard Time", "Australia/Sydney"),
            Map.entry("UTC", "UTC"));

    record Prop(String name, Map<String, String> params, String value) {
        String param(String key) {
            return params.get(key);
        }
    }

    record Parsed(List<ImportCalendarUseCase.Draft> drafts, List<ImportCalendarUseCase.Outcome> skipped) {
    }

    private ICalendarReader() {
    }

    /** @throws HttpProblem 400 {@code import.unreadable} when the text is not iCalendar at all */
    static Parsed read(String text, CalendarId calendarId, ZoneId calendarZone) {
        Collector collector = new Collector();
        try {
            new CalendarParserImpl().parse(new UnfoldingReader(new StringReader(text), true), collector);
        } catch (IOException | ParserException | RuntimeException e) {
            throw HttpProblem.badRequest("import.unreadable",
                    "The body is not an iCalendar file (BEGIN:VCALENDAR ... END:VCALENDAR) that can be read");
        }
        ZoneId floating = calendarZone;
        for (Prop p : collector.calendarProps) {
            if (p.name().equals("X-WR-TIMEZONE")) {
                Optional<ZoneId> zone = zone(p.value().strip());
                if (zone.isPresent()) {
                    floating = zone.get();
                }
            }
        }
        List<ImportCalendarUseCase.Outcome> skipped = new ArrayList<>();
        Map<String, List<List<Prop>>> overridesByUid = new LinkedHashMap<>();
        List<List<Prop>> masters = new ArrayList<>();
        for (List<Prop> event : collector.events) {
            String uid = value(event, "UID").orElse("");
            if (uid.isBlank()) {
                skipped.add(skip("", "import.uid_missing (a VEVENT without UID cannot be matched on re-import)"));
            } else if (first(event, "RECURRENCE-ID").isPresent()) {
                overridesByUid.computeIfAbsent(uid, k -> new ArrayList<>()).add(event);
            } else {
                masters.add(event);
            }
        }
        List<ImportCalendarUseCase.Draft> drafts = new ArrayList<>();
        for (List<Prop> event : masters) {
            String uid = value(event, "UID").orElseThrow();
            List<List<Prop>> overrides = overridesByUid.remove(uid);
            try {
                drafts.add(draft(event, overrides == null ? List.of() : overrides, calendarId, floating));
            } catch (Unreadable e) {
                skipped.add(skip(uid, e.getMessage()));
            }
        }
        overridesByUid.keySet().forEach(uid -> skipped.add(skip(uid,
                "import.override_without_series (a RECURRENCE-ID component whose series is not in the file)")));
        return new Parsed(drafts, skipped);
    }

    private static ImportCalendarUseCase.Outcome skip(String uid, String reason) {
        return new ImportCalendarUseCase.Outcome(uid, "skipped", Optional.empty(), Optional.of(reason), List.of());
    }

    private static ImportCalendarUseCase.Draft draft(List<Prop> event, List<List<Prop>> overrides,
                                                    CalendarId calendarId, ZoneId floating) {
        String uid = value(event, "UID").orElseThrow();
        List<String> notes = new ArrayList<>();
        TimeInput start = time(first(event, "DTSTART").orElseThrow(() ->
                new Unreadable("import.start_missing (a VEVENT without DTSTART)")), floating, notes);
        TimeInput end = end(event, start, floating, notes);
        if (isBefore(end, start)) {
            notes.add("DTSTART and DTEND were swapped; stored in order");
            TimeInput t = start;
            start = end;
            end = t;
        }
        List<String> recurrence = new ArrayList<>();
        for (Prop p : event) {
            if (p.name().equals("RRULE") || p.name().equals("RDATE") || p.name().equals("EXDATE")) {
                recurrence.add(line(p, notes));
            }
        }
        List<ImportCalendarUseCase.OverrideDraft> drafts = new ArrayList<>();
        for (List<Prop> o : overrides) {
            TimeInput oStart = time(first(o, "DTSTART").orElseThrow(() ->
                    new Unreadable("import.start_missing (an override without DTSTART)")), floating, notes);
            TimeInput oEnd = end(o, oStart, floating, notes);
            drafts.add(new ImportCalendarUseCase.OverrideDraft(
                    time(first(o, "RECURRENCE-ID").orElseThrow(), floating, notes),
                    title(o, notes), text(o, "DESCRIPTION"), text(o, "LOCATION"), oStart, oEnd,
                    status(o).orElse(EventStatus.CONFIRMED)));
        }
        return new ImportCalendarUseCase.Draft(uid, derivedId(uid, calendarId), ownId(uid), title(event, notes),
                text(event, "DESCRIPTION"), text(event, "LOCATION"), start, end, status(event), recurrence, drafts,
                notes);
    }

    /** Our own UIDs ({@code <id>@almanac}) name their event, when it is in the calendar imported into. */
    static Optional<EventId> ownId(String uid) {
        if (uid.endsWith(ICalendarWriter.UID_SUFFIX)) {
            try {
                return Optional.of(new EventId(UUID.fromString(
                        uid.substring(0, uid.length() - ICalendarWriter.UID_SUFFIX.length()))));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The id a UID gets in one calendar: the same on every import, different in every calendar. */
    static EventId derivedId(String uid, CalendarId calendarId) {
        return new EventId(UUID.nameUUIDFromBytes((calendarId + "\n" + uid).getBytes(StandardCharsets.UTF_8)));
    }

    private static String title(List<Prop> event, List<String> notes) {
        String title = text(event, "SUMMARY");
        if (title.isBlank()) {
            notes.add("no SUMMARY: titled '(no title)'");
            return "(no title)";
        }
        return title.replaceAll("[\\r\\n\\t]+", " ");
    }

    private static Optional<EventStatus> status(List<Prop> event) {
        return value(event, "STATUS").map(s -> s.strip().toUpperCase(Locale.ROOT))
                .filter(s -> s.equals("TENTATIVE") || s.equals("CONFIRMED") || s.equals("CANCELLED"))
                .map(EventStatus::valueOf);
    }

    private static TimeInput end(List<Prop> event, TimeInput start, ZoneId floating, List<String> notes) {
        Optional<Prop> dtend = first(event, "DTEND");
        if (dtend.isPresent()) {
            return time(dtend.get(), floating, notes);
        }
        Optional<String> duration = value(event, "DURATION");
        if (start instanceof TimeInput.Day day) {
            long days = duration.map(d -> parseDuration(d).toDays()).filter(d -> d > 0).orElse(1L);
            return new TimeInput.Day(day.date().plusDays(days));
        }
        TimeInput.Wall wall = (TimeInput.Wall) start;
        Duration length = duration.map(ICalendarReader::parseDuration).orElse(Duration.ZERO);
        return new TimeInput.Wall(wall.dateTime().plus(length), wall.timeZone());
    }

    private static Duration parseDuration(String text) {
        String t = text.strip().toUpperCase(Locale.ROOT);
        try {
            if (t.matches("[+-]?P[0-9]+W")) {
                return Duration.ofDays(7L * Long.parseLong(t.replaceAll("[^0-9]", "")));
            }
            return Duration.parse(t);
        } catch (RuntimeException e) {
            throw new Unreadable("import.duration_invalid (DURATION '" + shown(text) + "')");
        }
    }

    private static TimeInput time(Prop p, ZoneId floating, List<String> notes) {
        String value = p.value().strip().toUpperCase(Locale.ROOT);
        try {
            if ("DATE".equalsIgnoreCase(p.param("VALUE")) || value.matches("[0-9]{8}")) {
                return new TimeInput.Day(LocalDate.parse(value, DATE));
            }
            if (value.endsWith("Z")) {
                return new TimeInput.Wall(LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL), "UTC");
            }
            LocalDateTime local = LocalDateTime.parse(value, LOCAL);
            String tzid = p.param("TZID");
            if (tzid == null) {
                return new TimeInput.Wall(local, floating.getId());
            }
            return new TimeInput.Wall(local, zoneOf(tzid, notes).getId());
        } catch (DateTimeException e) {
            throw new Unreadable("import.time_invalid (" + p.name() + " '" + shown(p.value()) + "')");
        }
    }

    private static ZoneId zoneOf(String tzid, List<String> notes) {
        String id = tzid.strip();
        if (id.startsWith("/")) {
            id = id.replaceFirst("^/([^/]+/)?", ""); // "/mozilla.org/20050126_1/Europe/Berlin" and "/Europe/Berlin"
        }
        Optional<ZoneId> zone = zone(id);
        if (zone.isPresent()) {
            return zone.get();
        }
        String iana = WINDOWS.get(id);
        if (iana != null) {
            notes.add("Windows zone '" + id + "' read as " + iana);
            return ZoneId.of(iana);
        }
        throw new Unreadable("import.zone_unknown (TZID '" + shown(tzid) + "' is neither an IANA nor a known Windows zone)");
    }

    private static Optional<ZoneId> zone(String id) {
        try {
            return id.contains("/") || id.equals("UTC") ? Optional.of(ZoneId.of(id)) : Optional.empty();
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private static boolean isBefore(TimeInput end, TimeInput start) {
        try {
            if (end instanceof TimeInput.Day e && start instanceof TimeInput.Day s) {
                return e.date().isBefore(s.date());
            }
            if (end instanceof TimeInput.Wall e && start instanceof TimeInput.Wall s) {
                return e.dateTime().atZone(ZoneId.of(e.timeZone())).toInstant()
                        .isBefore(s.dateTime().atZone(ZoneId.of(s.timeZone())).toInstant());
            }
        } catch (DateTimeException e) {
            return false;
        }
        return false;
    }

    /** A recurrence property as a content line, zone names normalised. */
    private static String line(Prop p, List<String> notes) {
        StringBuilder out = new StringBuilder(p.name());
        p.params().forEach((k, v) -> {
            String value = k.equals("TZID") ? zoneOf(v, notes).getId() : v;
            out.append(';').append(k).append('=').append(value);
        });
        return out.append(':').append(p.value().strip()).toString();
    }

    private static Optional<Prop> first(List<Prop> props, String name) {
        return props.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    private static Optional<String> value(List<Prop> props, String name) {
        return first(props, name).map(Prop::value);
    }

    private static String text(List<Prop> props, String name) {
        return value(props, name).map(ICalendarReader::unescape).orElse("");
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                char n = text.charAt(++i);
                out.append(n == 'n' || n == 'N' ? '\n' : n);
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static String shown(String text) {
        String cut = text.length() > 60 ? text.substring(0, 60) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }

    /** A component the reader cannot turn into a draft; its message is the reason reported. */
    private static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Collects the calendar's own properties and each VEVENT's raw properties (nested components ignored). */
    private static final class Collector implements ContentHandler {
        final List<Prop> calendarProps = new ArrayList<>();
        final List<List<Prop>> events = new ArrayList<>();
        private final List<String> stack = new ArrayList<>();
        private List<Prop> current;
        private String name;
        private String value;
        private Map<String, String> params;

        @Override
        public void startCalendar() {
        }

        @Override
        public void endCalendar() {
        }

        @Override
        public void startComponent(String component) {
            stack.add(component.toUpperCase(Locale.ROOT));
            if (stack.size() == 1 && stack.get(0).equals("VEVENT")) {
                current = new ArrayList<>();
            }
        }

        @Override
        public void endComponent(String component) {
            if (stack.size() == 1 && stack.get(0).equals("VEVENT")) {
                events.add(current);
                current = null;
            }
            if (!stack.isEmpty()) {
                stack.remove(stack.size() - 1);
            }
        }

        @Override
        public void startProperty(String property) {
            name = property.toUpperCase(Locale.ROOT);
            value = "";
            params = new LinkedHashMap<>();
        }

        @Override
        public void propertyValue(String text) {
            value = text;
        }

        @Override
        public void endProperty(String property) {
            Prop prop = new Prop(name, params, value);
            if (stack.isEmpty()) {
                calendarProps.add(prop);
            } else if (stack.size() == 1 && current != null) {
                current.add(prop);
            }
        }

        @Override
        public void parameter(String key, String text) {
            params.put(key.toUpperCase(Locale.ROOT), text == null ? "" : text.replace("\"", ""));
        }
    }
}
