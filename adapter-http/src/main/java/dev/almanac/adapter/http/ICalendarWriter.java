package dev.almanac.adapter.http;

import dev.almanac.application.event.ExportCalendarUseCase;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.OccurrenceOverride;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.TimePoint;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.component.VTimeZone;

/**
 * Writes a calendar as RFC 5545 text: one VEVENT per event or series master (UID {@code <id>@almanac}, or the UID
 * an imported event came under, exactly as it came; DTSTAMP and
 * LAST-MODIFIED its last change, CREATED, SEQUENCE its version), its recurrence lines as stored, one VEVENT with
 * RECURRENCE-ID per override, all-day times as VALUE=DATE, wall times with TZID (UTC ones with {@code Z}), and a
 * VTIMEZONE for every zone used, taken from the tz definitions ical4j bundles (no network).
 *
 * <p>The output depends only on the stored data, so equal calendars give equal bytes (feeds hash them for ETags).
 */
final class ICalendarWriter {
    static final String UID_SUFFIX = "@almanac";
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss");
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("uuuuMMdd");
    private static final Pattern TZID = Pattern.compile("TZID=([^:;]+)");
    private static final Map<String, String> VTIMEZONES = new ConcurrentHashMap<>();

    private final String version;

    ICalendarWriter(String version) {
        this.version = version;
    }

    String write(ExportCalendarUseCase.Export export) {
        TreeSet<String> zones = new TreeSet<>();
        List<String> body = new ArrayList<>();
        for (Series series : export.events()) {
            Event master = series.master();
            String uid = export.icalUids().getOrDefault(master.id(), master.id() + UID_SUFFIX);
            body.add("BEGIN:VEVENT");
            common(body, uid, master, master.title(), master.description(), master.location(), master.status().name(),
                    master.time(), zones);
            for (String line : master.recurrence().lines()) {
                body.add(line);
                Matcher m = TZID.matcher(line);
                if (m.find()) {
                    zones.add(m.group(1));
                }
            }
            body.add("END:VEVENT");
            for (OccurrenceOverride o : series.overrides()) {
                body.add("BEGIN:VEVENT");
                common(body, uid, master, o.title(), o.description(), o.location(), o.status().name(), o.time(), zones);
                body.add(point("RECURRENCE-ID", o.originalStart(), zones));
                body.add("END:VEVENT");
            }
        }
        StringBuilder out = new StringBuilder();
        List<String> head = new ArrayList<>(List.of("BEGIN:VCALENDAR", "VERSION:2.0",
                "PRODID:-//Almanac//Almanac " + version + "//EN", "CALSCALE:GREGORIAN",
                "X-WR-CALNAME:" + text(export.calendar().name()),
                "X-WR-TIMEZONE:" + export.calendar().timeZone().getId()));
        head.forEach(line -> fold(out, line));
        for (String zone : zones) {
            out.append(vtimezone(zone));
        }
        body.forEach(line -> fold(out, line));
        fold(out, "END:VCALENDAR");
        return out.toString();
    }

    private static void common(List<String> body, String uid, Event master, String title, String description,
                               String location, String status, EventTime time, TreeSet<String> zones) {
        body.add("UID:" + uid);
        body.add("DTSTAMP:" + utc(master.updatedAt()));
        body.add("CREATED:" + utc(master.createdAt()));
        body.add("LAST-MODIFIED:" + utc(master.updatedAt()));
        body.add("SEQUENCE:" + master.version());
        body.add(point("DTSTART", time.start(), zones));
        body.add(point("DTEND", time.end(), zones));
        body.add("SUMMARY:" + text(title));
        if (!description.isEmpty()) {
            body.add("DESCRIPTION:" + text(description));
        }
        if (!location.isEmpty()) {
            body.add("LOCATION:" + text(location));
        }
        body.add("STATUS:" + status);
    }

    private static String point(String name, TimePoint point, TreeSet<String> zones) {
        if (point instanceof TimePoint.Day day) {
            return name + ";VALUE=DATE:" + DATE.format(day.date());
        }
        TimePoint.Wall wall = (TimePoint.Wall) point;
        if (isUtc(wall.zone())) {
            return name + ":" + utc(wall.zoned().toInstant());
        }
        zones.add(wall.zone().getId());
        return name + ";TZID=" + wall.zone().getId() + ":" + LOCAL.format(wall.dateTime());
    }

    private static boolean isUtc(ZoneId zone) {
        return zone.getId().equals("UTC") || zone.getId().equals("Etc/UTC") || zone.equals(ZoneOffset.UTC);
    }

    private static String utc(Instant instant) {
        return LOCAL.format(instant.atOffset(ZoneOffset.UTC).toLocalDateTime()) + "Z";
    }

    /** RFC 5545 §3.3.11 TEXT: backslash, semicolon, comma and line breaks escaped. */
    static String text(String value) {
        return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,")
                .replace("\r\n", "\\n").replace("\n", "\\n").replace("\r", "\\n");
    }

    /** Appends one content line folded at 75 octets (RFC 5545 §3.1), never inside a UTF-8 sequence. */
    static void fold(StringBuilder out, String line) {
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > 75) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }

    /** The VTIMEZONE of an IANA zone from ical4j's bundled definitions (already folded, CRLF). */
    private static String vtimezone(String zone) {
        return VTIMEZONES.computeIfAbsent(zone, id -> {
            try (InputStream in = ICalendarWriter.class.getResourceAsStream("/zoneinfo/" + id + ".ics")) {
                if (in == null) {
                    return ""; // a zone ical4j has no definition for (rare aliases): TZID stays a valid IANA id
                }
                net.fortuna.ical4j.model.Calendar definition = new CalendarBuilder().build(in);
                List<VTimeZone> found = definition.getComponents(Component.VTIMEZONE);
                if (found.isEmpty()) {
                    return "";
                }
                String text = found.get(0).toString().replace("\r\n", "\n").replace("\n", "\r\n");
                return text.endsWith("\r\n") ? text : text + "\r\n";
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (ParserException e) {
                throw new IllegalStateException("ical4j's definition of " + id + " cannot be read", e);
            }
        });
    }
}
