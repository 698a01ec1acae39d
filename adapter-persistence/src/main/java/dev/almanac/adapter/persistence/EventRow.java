package dev.almanac.adapter.persistence;

import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.Recurrence;
import dev.almanac.domain.event.TimePoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * One row of {@code events}, and the explicit mapping between it, the domain and JDBC.
 *
 * <p>A timed event fills the {@code *_local} and {@code *_zone} columns, an all-day event the {@code *_date}
 * columns; the others are {@code null} (the table's check holds that). {@code startAt}/{@code endAt} are the
 * event's slot as the domain derived it; they are written for queries and never read back into an event,
 * which derives its slot again from its time and its calendar's zone.
 */
record EventRow(UUID id, UUID calendarId, String title, String titleFolded, String description, String location,
                boolean allDay, LocalDateTime startLocal, String startZone, LocalDateTime endLocal, String endZone,
                LocalDate startDate, LocalDate endDate, Instant startAt, Instant endAt, String status,
                long version, Instant createdAt, Instant updatedAt, String recurrence, Instant seriesEndAt) {

    static final String COLUMNS = "id, calendar_id, title, title_folded, description, location, all_day,"
            + " start_local, start_zone, end_local, end_zone, start_date, end_date, start_at, end_at, status,"
            + " version, created_at, updated_at, recurrence, series_end_at";

    /** The same columns, qualified by the alias {@code e}, for queries that join the calendar. */
    static final String E_COLUMNS = "e." + COLUMNS.replace(", ", ", e.");

    /** The form of a title the case-insensitive title filter compares. */
    static String fold(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    static EventRow from(Event event) {
        String recurrence = event.isSeries() ? String.join("\n", event.recurrence().lines()) : null;
        Instant seriesEnd = event.isSeries() ? event.seriesEnd().orElse(null) : null;
        EventTime time = event.time();
        if (time.start() instanceof TimePoint.Wall start && time.end() instanceof TimePoint.Wall end) {
            return new EventRow(event.id().value(), event.calendarId().value(), event.title(), fold(event.title()),
                    event.description(), event.location(), false,
                    start.dateTime(), start.zone().getId(), end.dateTime(), end.zone().getId(), null, null,
                    event.slot().start(), event.slot().end(), event.status().name(), event.version(),
                    event.createdAt(), event.updatedAt(), recurrence, seriesEnd);
        }
        TimePoint.Day start = (TimePoint.Day) time.start();
        TimePoint.Day end = (TimePoint.Day) time.end();
        return new EventRow(event.id().value(), event.calendarId().value(), event.title(), fold(event.title()),
                event.description(), event.location(), true,
                null, null, null, null, start.date(), end.date(),
                event.slot().start(), event.slot().end(), event.status().name(), event.version(),
                event.createdAt(), event.updatedAt(), recurrence, seriesEnd);
    }

    static EventRow read(ResultSet rs) throws SQLException {
        return new EventRow(rs.getObject("id", UUID.class), rs.getObject("calendar_id", UUID.class),
                rs.getString("title"), rs.getString("title_folded"), rs.getString("description"),
                rs.getString("location"), rs.getBoolean("all_day"),
                rs.getObject("start_local", LocalDateTime.class), rs.getString("start_zone"),
                rs.getObject("end_local", LocalDateTime.class), rs.getString("end_zone"),
                rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class),
                SqlValues.instant(rs, "start_at"), SqlValues.instant(rs, "end_at"), rs.getString("status"),
                rs.getLong("version"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"),
                rs.getString("recurrence"),
                rs.getObject("series_end_at") == null ? null : SqlValues.instant(rs, "series_end_at"));
    }

    /** The event, its slot derived again from its time and {@code calendarZone}. */
    Event toDomain(ZoneId calendarZone) {
        EventTime time = allDay
                ? EventTime.allDay(startDate, endDate)
                : EventTime.timed(new TimePoint.Wall(startLocal, ZoneId.of(startZone)),
                        new TimePoint.Wall(endLocal, ZoneId.of(endZone)));
        Recurrence parsed = recurrence == null ? Recurrence.NONE
                : Recurrence.parse(List.of(recurrence.split("\n")), time.start());
        return Event.rehydrate(new EventId(id), new CalendarId(calendarId), title, description, location, time,
                EventStatus.valueOf(status), version, createdAt, updatedAt, calendarZone, parsed);
    }
}
