package dev.almanac.adapter.persistence;

import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.OccurrenceOverride;
import dev.almanac.domain.event.TimePoint;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.statement.PreparedBatch;

/**
 * The rows of {@code event_overrides} and their explicit mapping. The original start is kept as text in the
 * series' start zone (ISO wall time or date) and read back in the zone of the series' start.
 */
final class OverrideRows {
    private static final String COLUMNS = "series_id, original_start, title, description, location, all_day,"
            + " start_local, start_zone, end_local, end_zone, start_date, end_date, status";
    private static final String QUALIFIED = "o." + COLUMNS.replace(", ", ", o.");
    private static final String WRITTEN_COLUMNS = COLUMNS + ", title_folded";

    private OverrideRows() {
    }

    /** The overrides of one series, whose start is {@code seriesStart}. */
    static List<OccurrenceOverride> of(Handle handle, UUID seriesId, TimePoint seriesStart) {
        return handle.createQuery("select " + COLUMNS + " from event_overrides where series_id = :id")
                .bind("id", seriesId)
                .map((rs, ctx) -> read(rs, seriesStart instanceof TimePoint.Wall w ? w.zone() : null))
                .list();
    }

    /**
     * The overrides of those of the given series that are in calendar {@code calendarId}, by series id. The
     * series' start zone (in which original starts are kept) comes from a join, so only the series that have
     * overrides are read, not every series asked about.
     */
    static Map<EventId, List<OccurrenceOverride>> ofSeriesIn(Handle handle, UUID calendarId,
                                                             Collection<UUID> seriesIds) {
        Map<EventId, List<OccurrenceOverride>> out = new HashMap<>();
        if (seriesIds.isEmpty()) {
            return out;
        }
        handle.createQuery("select " + QUALIFIED + ", e.start_zone as series_zone from event_overrides o"
                        + " join events e on e.id = o.series_id"
                        + " where o.series_id = any(:ids) and e.calendar_id = :calendarId and e.recurrence is not null")
                .bindArray("ids", UUID.class, seriesIds)
                .bind("calendarId", calendarId)
                .map((rs, ctx) -> {
                    String zone = rs.getString("series_zone");
                    return Map.entry(rs.getObject("series_id", UUID.class),
                            read(rs, zone == null ? null : ZoneId.of(zone)));
                })
                .forEach(e -> out.computeIfAbsent(new EventId(e.getKey()), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }

    /** A series' version and its overrides, as one statement saw them together. */
    record Versioned(long version, List<OccurrenceOverride> overrides) {
    }

    /**
     * The version and the overrides of each of the given series that is in calendar {@code calendarId}, read in
     * one statement (one snapshot), so the overrides are those of exactly that version.
     */
    static Map<EventId, Versioned> versionedIn(Handle handle, UUID calendarId, Collection<UUID> seriesIds) {
        record Row(EventId series, long version, OccurrenceOverride override) {
        }
        List<Row> rows = handle.createQuery("select e.id as sid, e.version as sversion, e.start_zone as series_zone, "
                        + QUALIFIED + " from events e left join event_overrides o on o.series_id = e.id"
                        + " where e.id = any(:ids) and e.calendar_id = :calendarId and e.recurrence is not null")
                .bindArray("ids", UUID.class, seriesIds)
                .bind("calendarId", calendarId)
                .map((rs, ctx) -> {
                    String zone = rs.getString("series_zone");
                    return new Row(new EventId(rs.getObject("sid", UUID.class)), rs.getLong("sversion"),
                            rs.getObject("series_id") == null ? null : read(rs, zone == null ? null : ZoneId.of(zone)));
                })
                .list();
        Map<EventId, Versioned> out = new HashMap<>();
        for (Row row : rows) {
            Versioned series = out.computeIfAbsent(row.series(), id -> new Versioned(row.version(), new ArrayList<>()));
            if (row.override() != null) {
                series.overrides().add(row.override());
            }
        }
        return out;
    }

    /** Replaces the overrides of {@code seriesId} by {@code overrides}. */
    static void replace(Handle handle, UUID seriesId, List<OccurrenceOverride> overrides) {
        handle.createUpdate("delete from event_overrides where series_id = :id").bind("id", seriesId).execute();
        if (overrides.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("insert into event_overrides (" + WRITTEN_COLUMNS + ") values"
                + " (:seriesId, :originalStart, :title, :description, :location, :allDay, :startLocal, :startZone,"
                + " :endLocal, :endZone, :startDate, :endDate, :status, :titleFolded)");
        for (OccurrenceOverride o : overrides) {
            EventTime time = o.time();
            TimePoint.Wall ws = time.start() instanceof TimePoint.Wall w ? w : null;
            TimePoint.Wall we = time.end() instanceof TimePoint.Wall w ? w : null;
            TimePoint.Day ds = time.start() instanceof TimePoint.Day d ? d : null;
            TimePoint.Day de = time.end() instanceof TimePoint.Day d ? d : null;
            batch.bind("seriesId", seriesId)
                    .bind("originalStart", key(o.originalStart()))
                    .bind("title", o.title())
                    .bind("titleFolded", EventRow.fold(o.title()))
                    .bind("description", o.description())
                    .bind("location", o.location())
                    .bind("allDay", time.isAllDay())
                    .bindByType("startLocal", ws == null ? null : ws.dateTime(), LocalDateTime.class)
                    .bindByType("startZone", ws == null ? null : ws.zone().getId(), String.class)
                    .bindByType("endLocal", we == null ? null : we.dateTime(), LocalDateTime.class)
                    .bindByType("endZone", we == null ? null : we.zone().getId(), String.class)
                    .bindByType("startDate", ds == null ? null : ds.date(), LocalDate.class)
                    .bindByType("endDate", de == null ? null : de.date(), LocalDate.class)
                    .bind("status", o.status().name())
                    .add();
        }
        batch.execute();
    }

    static String key(TimePoint originalStart) {
        return originalStart instanceof TimePoint.Wall wall ? wall.dateTime().toString()
                : ((TimePoint.Day) originalStart).date().toString();
    }

    /** @param seriesZone the zone of the series' start (original starts are wall times there); null for dates */
    private static OccurrenceOverride read(ResultSet rs, ZoneId seriesZone) throws SQLException {
        String key = rs.getString("original_start");
        TimePoint original = key.contains("T")
                ? new TimePoint.Wall(LocalDateTime.parse(key), seriesZone)
                : new TimePoint.Day(LocalDate.parse(key));
        EventTime time = rs.getBoolean("all_day")
                ? EventTime.allDay(rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class))
                : EventTime.timed(
                        new TimePoint.Wall(rs.getObject("start_local", LocalDateTime.class),
                                ZoneId.of(rs.getString("start_zone"))),
                        new TimePoint.Wall(rs.getObject("end_local", LocalDateTime.class),
                                ZoneId.of(rs.getString("end_zone"))));
        return new OccurrenceOverride(original, rs.getString("title"), rs.getString("description"),
                rs.getString("location"), time, EventStatus.valueOf(rs.getString("status")));
    }
}
