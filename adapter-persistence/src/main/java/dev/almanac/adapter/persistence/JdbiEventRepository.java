package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.event.WindowItem;
import dev.almanac.application.port.EventRepository;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.OccurrenceOverride;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.SeriesEdit;
import dev.almanac.domain.shared.StaleVersionException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.UUID;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.SqlStatement;

/**
 * {@link EventRepository} on PostgreSQL. Every read joins the event's calendar for its zone, which anchors
 * all-day events; every write holds the calendar row {@code for share} (see {@link JdbiCalendarRepository} for
 * the lock order).
 */
final class JdbiEventRepository implements EventRepository {
    private static final String SELECT_WITH_ZONE = "select " + EventRow.E_COLUMNS + ", c.time_zone as calendar_zone"
            + " from events e join calendars c on c.id = e.calendar_id";

    private static final String INSERT = """
            insert into events (id, calendar_id, title, title_folded, description, location, all_day,
                                start_local, start_zone, end_local, end_zone, start_date, end_date,
                                start_at, end_at, status, version, created_at, updated_at,
                                recurrence, series_end_at, ical_uid)
            values (:id, :calendarId, :title, :titleFolded, :description, :location, :allDay,
                    :startLocal, :startZone, :endLocal, :endZone, :startDate, :endDate,
                    :startAt, :endAt, :status, :version, :createdAt, :updatedAt,
                    :recurrence, :seriesEndAt, :icalUid)
            """;

    /**
     * {@link #INSERT} only while the calendar is at the version the event was built from, holding the calendar
     * row until the insert commits (as {@link #lockCalendar} does in a transaction): one statement, one round
     * trip. No row is inserted when the calendar changed or is gone. Plain JDBC ({@link DirectStatements}):
     * parameters by position, bound by {@link #bindCreate}.
     */
    private static final String INSERT_WHILE_CALENDAR_AT = """
            with calendar as (select id from calendars where id = ? and version = ? for share)
            insert into events (id, calendar_id, title, title_folded, description, location, all_day,
                                start_local, start_zone, end_local, end_zone, start_date, end_date,
                                start_at, end_at, status, version, created_at, updated_at,
                                recurrence, series_end_at, ical_uid)
            select ?, calendar.id, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, null
              from calendar
            """;
    /** A calendar and, left-joined, one of its events; parameters: the event's id, then the calendar's. */
    private static final String IN_CALENDAR = "select " + CalendarRow.C_ALIASED + ", " + EventRow.E_COLUMNS
            + " from calendars c left join events e on e.calendar_id = c.id and e.id = ?"
            + " where c.id = ?";
    /** How often {@link #add(CalendarId, Scheduling)} builds again from a calendar that changed under it. */
    private static final int SCHEDULING_ATTEMPTS = 3;

    private static final String UPDATE = """
                    update events
                       set title = :title, title_folded = :titleFolded, description = :description,
                           location = :location, all_day = :allDay,
                           start_local = :startLocal, start_zone = :startZone,
                           end_local = :endLocal, end_zone = :endZone,
                           start_date = :startDate, end_date = :endDate,
                           start_at = :startAt, end_at = :endAt, status = :status,
                           version = :version, updated_at = :updatedAt,
                           recurrence = :recurrence, series_end_at = :seriesEndAt
                     where id = :id and calendar_id = :calendarId and version = :expectedVersion
                    """;

    private final Jdbi jdbi;
    private final DirectStatements direct;
    private final SeriesMasters masters = new SeriesMasters();
    private final CalendarsSeen calendarsSeen = new CalendarsSeen();

    /** {@code direct}: the pool behind {@code jdbi}, for the two statements of the hottest routes. */
    JdbiEventRepository(Jdbi jdbi, DirectStatements direct) {
        this.jdbi = jdbi;
        this.direct = direct;
    }

    @Override
    public void add(Event event) {
        jdbi.useTransaction(handle -> {
            Calendar calendar = lockCalendar(handle, event.calendarId());
            EventRow row = EventRow.from(event.anchoredIn(calendar.timeZone()).atVersion(0));
            bindInsert(handle.createUpdate(INSERT), row).execute();
        });
    }

    /**
     * The event is built from the calendar as last seen (read when not seen before) and stored by one statement
     * that inserts it only while the calendar is still at that version, holding it until the insert commits. A
     * calendar that changed (or went) in between is read again and the event built again from it; after
     * {@link #SCHEDULING_ATTEMPTS} such races the calendar is read and held in one transaction, as
     * {@link #add(Event)} does, so a calendar that keeps changing cannot starve a create. When the builder refuses
     * (no permission, a bad event) on a calendar seen earlier, the calendar is read again and the builder asked
     * again, so the refusal is always the current calendar's: a deleted calendar answers "not found".
     */
    @Override
    public Event add(CalendarId calendarId, Scheduling schedule) {
        for (int attempt = 1; attempt <= SCHEDULING_ATTEMPTS; attempt++) {
            Optional<Calendar> seen = calendarsSeen.known(calendarId);
            Calendar calendar = seen.orElseGet(() -> readCalendar(calendarId));
            Event stored;
            try {
                stored = built(calendarId, calendar, schedule);
            } catch (RuntimeException refused) {
                if (seen.isEmpty()) {
                    throw refused;
                }
                // Refused on a calendar seen earlier: say what the calendar as it is now says (it may be gone).
                calendarsSeen.forget(calendarId);
                continue;
            }
            int inserted = direct.update("creating an event", INSERT_WHILE_CALENDAR_AT,
                    statement -> bindCreate(statement, EventRow.from(stored), calendar.version()));
            if (inserted == 1) {
                return stored;
            }
            calendarsSeen.forget(calendarId);
        }
        return jdbi.inTransaction(handle -> {
            Calendar calendar = lockCalendar(handle, calendarId);
            Event stored = built(calendarId, calendar, schedule);
            bindInsert(handle.createUpdate(INSERT), EventRow.from(stored)).execute();
            return stored;
        });
    }

    private static Event built(CalendarId calendarId, Calendar calendar, Scheduling schedule) {
        Event event = schedule.apply(calendar);
        if (!event.calendarId().equals(calendarId)) {
            throw new IllegalArgumentException("event " + event.id() + " is not in calendar " + calendarId);
        }
        return event.anchoredIn(calendar.timeZone()).atVersion(0);
    }

    /** The calendar as it is now, remembered for the next create in it. */
    private Calendar readCalendar(CalendarId id) {
        Calendar calendar = jdbi.withHandle(handle -> JdbiCalendarRepository.load(handle, id))
                .orElseThrow(() -> Calendar.notFound(id));
        calendarsSeen.saw(calendar);
        return calendar;
    }

    /**
     * One transaction and one JDBC batch for the lot: each calendar is locked once, then every row goes in with
     * the same insert {@link #add} uses (the driver's {@code reWriteBatchedInserts} turns the batch into
     * multi-row inserts when the URL asks for it).
     */
    @Override
    public void addAll(List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        jdbi.useTransaction(handle -> {
            Map<CalendarId, ZoneId> zones = new HashMap<>();
            for (Event event : events) {
                zones.computeIfAbsent(event.calendarId(), id -> lockCalendar(handle, id).timeZone());
            }
            PreparedBatch batch = handle.prepareBatch(INSERT);
            for (Event event : events) {
                bindInsert(batch, EventRow.from(event.anchoredIn(zones.get(event.calendarId())).atVersion(0)))
                        .add();
            }
            batch.execute();
        });
    }

    /** The master, its overrides and its UID in one transaction, so an import never leaves half an event. */
    @Override
    public void addImported(Series series, String icalUid) {
        jdbi.useTransaction(handle -> {
            Calendar calendar = lockCalendar(handle, series.master().calendarId());
            Series stored = series.anchoredIn(calendar.timeZone()).atVersion(0);
            bindInsert(handle.createUpdate(INSERT), EventRow.from(stored.master()))
                    .bind("icalUid", icalUid)
                    .execute();
            OverrideRows.replace(handle, stored.id().value(), stored.overrides());
        });
    }

    @Override
    public Map<EventId, String> icalUids(CalendarId calendarId) {
        return jdbi.withHandle(handle -> {
            Map<EventId, String> out = new HashMap<>();
            handle.createQuery("select id, ical_uid from events where calendar_id = :calendarId"
                            + " and ical_uid is not null")
                    .bind("calendarId", calendarId.value())
                    .map((rs, ctx) -> Map.entry(new EventId(rs.getObject("id", UUID.class)), rs.getString("ical_uid")))
                    .forEach(e -> out.put(e.getKey(), e.getValue()));
            return out;
        });
    }

    @Override
    public Optional<Event> byId(CalendarId calendarId, EventId id) {
        return jdbi.withHandle(handle -> load(handle, calendarId, id));
    }

    @Override
    public Optional<InCalendar> inCalendar(CalendarId calendarId, EventId id) {
        return direct.first("reading an event with its calendar", IN_CALENDAR, statement -> {
            statement.setObject(1, id.value());
            statement.setObject(2, calendarId.value());
        }, rs -> {
            Calendar calendar = CalendarRow.read(rs, "c_").toDomain();
            Optional<Event> event = rs.getObject("id") == null ? Optional.empty()
                    : Optional.of(EventRow.read(rs).toDomain(calendar.timeZone()));
            return new InCalendar(calendar, event);
        });
    }

    @Override
    public Event update(CalendarId calendarId, EventId id, OptionalLong expectedVersion, Change change) {
        return jdbi.inTransaction(handle -> {
            Calendar calendar = lockCalendar(handle, calendarId);
            Event current = load(handle, calendarId, id).orElseThrow(() -> Event.notFound(id));
            long expected = expectedVersion.orElse(current.version());
            if (current.version() != expected) {
                throw new StaleVersionException("event", expected);
            }
            Event proposed = change.apply(calendar, current).anchoredIn(calendar.timeZone());
            if (proposed.equals(current)) {
                return current; // nothing changed: nothing to store, and the version (the ETag) stays
            }
            Event changed = proposed.atVersion(current.version() + 1);
            EventRow row = EventRow.from(changed);
            int updated = bindAll(handle.createUpdate(UPDATE), row)
                    .bind("calendarId", calendarId.value())
                    .bind("expectedVersion", expected)
                    .execute();
            if (updated == 0) {
                throw new StaleVersionException("event", expected);
            }
            return changed;
        });
    }

    @Override
    public void delete(CalendarId calendarId, EventId id, OptionalLong expectedVersion) {
        jdbi.useTransaction(handle -> {
            long stored = handle.createQuery(
                            "select version from events where id = :id and calendar_id = :calendarId for update")
                    .bind("id", id.value())
                    .bind("calendarId", calendarId.value())
                    .mapTo(Long.class)
                    .findOne()
                    .orElseThrow(() -> Event.notFound(id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != stored) {
                throw new StaleVersionException("event", expectedVersion.getAsLong());
            }
            handle.createUpdate("delete from events where id = :id").bind("id", id.value()).execute();
        });
    }

    /**
     * The window query: the single events whose {@code [start_at, end_at)} overlaps {@code [from, to)} ("starts
     * before {@code to} and ends after {@code from}"; touching ends do not overlap), the first {@code limit} in
     * {@code (start_at, id)} order, read as the two parts of {@link #singlesSql} (ADR 0026).
     */
    @Override
    public List<Event> window(CalendarId calendarId, Instant from, Instant to, Optional<String> titleContains,
                              Optional<Cursor> after, int limit) {
        return jdbi.withHandle(handle -> {
            Query query = bindWindow(handle.createQuery(windowSql(after.isPresent(), titleContains.isPresent())),
                    calendarId, from, to, titleContains, after, limit);
            return query.map((rs, ctx) -> EventRow.read(rs).toDomain(ZoneId.of(rs.getString("calendar_zone"))))
                    .list();
        });
    }

    /**
     * The series masters whose overall range overlaps the window, answered by the partial GiST index
     * {@code events_series_window}; their occurrences are expanded by the application. The title filter matches
     * the master's title or an override's (through the overrides' primary key, which leads with the series).
     */
    @Override
    public List<Event> seriesOverlapping(CalendarId calendarId, Instant from, Instant to,
                                         Optional<String> titleContains) {
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(SELECT_WITH_ZONE
                            + " where e.calendar_id = :calendarId and e.recurrence is not null"
                            + " and tstzrange(e.start_at, e.series_end_at, '[)') && tstzrange(:from, :to, '[)')"
                            // the escape character is bound: Jdbi's parser reads a backslash in a literal as an escape
                            + (titleContains.isPresent() ? " and (e.title_folded like :titlePattern escape :likeEscape"
                                    + " or exists (select 1 from event_overrides o where o.series_id = e.id"
                                    + " and o.title_folded like :titlePattern escape :likeEscape))" : ""))
                    .bind("calendarId", calendarId.value())
                    .bind("from", utc(from))
                    .bind("to", utc(to));
            titleContains.ifPresent(text -> query.bind("titlePattern",
                    SqlValues.containsPattern(EventRow.fold(text))).bind("likeEscape", "\\"));
            return query.map((rs, ctx) -> EventRow.read(rs).toDomain(ZoneId.of(rs.getString("calendar_zone"))))
                    .list();
        });
    }

    /**
     * One statement ({@link #windowOfSql}): the calendar row, the window's single events (the two parts of
     * {@link #singlesSql}, up to a page from each, of which the first {@code limit} are kept here) and the id and
     * version of each series master (as {@link #seriesOverlapping}), so a window costs one round trip and one plan
     * instead of three. Masters come whole from the cache of rebuilt series, or are read for it.
     */
    @Override
    public Optional<WindowContents> windowOf(CalendarId calendarId, Instant from, Instant to,
                                             Optional<String> titleContains, Optional<Cursor> after, int limit) {
        String sql = windowOfSql(after.isPresent(), titleContains.isPresent());
        return jdbi.withHandle(handle -> {
            Query query = bindWindow(handle.createQuery(sql), calendarId, from, to, titleContains, after, limit);
            List<WindowPart> parts = query.map((rs, ctx) -> (WindowPart) switch (rs.getInt("kind")) {
                case 0 -> new WindowPart.OfCalendar(CalendarRow.read(rs, "c_"));
                case 1 -> new WindowPart.Single(EventRow.read(rs));
                default -> new WindowPart.Master(rs.getObject("id", UUID.class), rs.getLong("version"));
            }).list();
            Optional<Calendar> found = parts.stream().filter(WindowPart.OfCalendar.class::isInstance)
                    .map(part -> ((WindowPart.OfCalendar) part).row().toDomain()).findFirst();
            if (found.isEmpty()) {
                return Optional.<WindowContents>empty();
            }
            Calendar calendar = found.get();
            ZoneId zone = calendar.timeZone();
            List<EventRow> singleRows = new ArrayList<>();
            List<Series> series = new ArrayList<>();
            List<UUID> unknown = new ArrayList<>();
            for (WindowPart part : parts) {
                if (part instanceof WindowPart.Single single) {
                    singleRows.add(single.row());
                } else if (part instanceof WindowPart.Master master) {
                    masters.known(master.id(), master.version(), zone)
                            .ifPresentOrElse(series::add, () -> unknown.add(master.id()));
                }
            }
            // A series comes from the cache of rebuilt series when this version of it was rebuilt before; the
            // others are read whole, with their overrides, in two more statements (and remembered). Their order
            // is of no matter: the use case orders what it keeps.
            series.addAll(masters.load(handle, calendarId.value(), mastersById(handle, calendarId, unknown, zone),
                    zone).values());
            // Up to a page from each of the two parts of singlesSql: the first `limit` of them make the page.
            singleRows.sort(Comparator.comparing(EventRow::startAt).thenComparing(EventRow::id, WindowItem.UUID_ORDER));
            List<Event> singleEvents = singleRows.stream().limit(limit).map(row -> row.toDomain(zone)).toList();
            return Optional.of(new WindowContents(calendar, singleEvents, series));
        });
    }

    /** One row of {@link #windowOfSql}: the calendar, a single event, or a series master's id and version. */
    private sealed interface WindowPart {
        record OfCalendar(CalendarRow row) implements WindowPart {
        }

        record Single(EventRow row) implements WindowPart {
        }

        record Master(UUID id, long version) implements WindowPart {
        }
    }

    /** The masters with these ids in the calendar, whole; one that went away meanwhile is simply not there. */
    private static List<Event> mastersById(Handle handle, CalendarId calendarId, List<UUID> ids, ZoneId zone) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return handle.createQuery("select " + EventRow.COLUMNS + " from events"
                        + " where id = any(:ids) and calendar_id = :calendarId and recurrence is not null")
                .bindArray("ids", UUID.class, ids)
                .bind("calendarId", calendarId.value())
                .map((rs, ctx) -> EventRow.read(rs).toDomain(zone))
                .list();
    }

    /** Binds what {@link #windowSql} and {@link #windowOfSql} share. */
    private static Query bindWindow(Query query, CalendarId calendarId, Instant from, Instant to,
                                    Optional<String> titleContains, Optional<Cursor> after, int limit) {
        query.bind("calendarId", calendarId.value())
                .bind("from", utc(from))
                .bind("to", utc(to))
                .bind("limit", limit);
        after.ifPresent(cursor -> query.bind("afterAt", utc(cursor.at())).bind("afterId", cursor.id()));
        titleContains.ifPresent(text -> query.bind("titlePattern", SqlValues.containsPattern(EventRow.fold(text)))
                .bind("likeEscape", "\\"));
        return query;
    }

    @Override
    public Optional<Series> seriesById(CalendarId calendarId, EventId id) {
        return jdbi.withHandle(handle -> load(handle, calendarId, id).map(e -> withOverrides(handle, e)));
    }

    @Override
    public Map<EventId, List<OccurrenceOverride>> overridesOf(CalendarId calendarId, Collection<EventId> seriesIds) {
        if (seriesIds.isEmpty()) {
            return Map.of();
        }
        return jdbi.withHandle(handle -> OverrideRows.ofSeriesIn(handle, calendarId.value(),
                seriesIds.stream().map(EventId::value).toList()));
    }

    /**
     * The master is updated first, {@code where version = :expected}, so a concurrent edit waits on its row lock
     * and then finds a new version (stale); only then are the overrides replaced and the split and detached
     * events inserted, all in this one transaction.
     */
    @Override
    public SeriesEdit edit(CalendarId calendarId, EventId id, OptionalLong expectedVersion, SeriesChange change) {
        return jdbi.inTransaction(handle -> {
            Calendar calendar = lockCalendar(handle, calendarId);
            Series current = load(handle, calendarId, id).map(e -> withOverrides(handle, e))
                    .orElseThrow(() -> Event.notFound(id));
            long expected = expectedVersion.orElse(current.master().version());
            if (current.master().version() != expected) {
                throw new StaleVersionException("event", expected);
            }
            SeriesEdit proposed = change.apply(calendar, current);
            Series next = proposed.series().anchoredIn(calendar.timeZone());
            if (next.equals(current) && proposed.split().isEmpty() && proposed.detached().isEmpty()) {
                return SeriesEdit.of(current);
            }
            Series stored = next.atVersion(expected + 1);
            int updated = bindAll(handle.createUpdate(UPDATE), EventRow.from(stored.master()))
                    .bind("calendarId", calendarId.value())
                    .bind("expectedVersion", expected)
                    .execute();
            if (updated == 0) {
                throw new StaleVersionException("event", expected);
            }
            OverrideRows.replace(handle, id.value(), stored.overrides());
            Optional<Series> split = proposed.split().map(s -> s.anchoredIn(calendar.timeZone()).atVersion(0));
            if (split.isPresent()) {
                bindInsert(handle.createUpdate(INSERT), EventRow.from(split.get().master())).execute();
                OverrideRows.replace(handle, split.get().id().value(), split.get().overrides());
            }
            List<SeriesEdit.Detached> detached = new ArrayList<>();
            for (SeriesEdit.Detached d : proposed.detached()) {
                Event event = d.event().anchoredIn(calendar.timeZone()).atVersion(0);
                bindInsert(handle.createUpdate(INSERT), EventRow.from(event)).execute();
                detached.add(new SeriesEdit.Detached(d.originalStart(), event));
            }
            return new SeriesEdit(stored, split, proposed.carried(), detached);
        });
    }

    private static Series withOverrides(Handle handle, Event event) {
        if (!event.isSeries()) {
            return Series.rehydrate(event, List.of());
        }
        return Series.rehydrate(event, OverrideRows.of(handle, event.id().value(), event.time().start()));
    }

    /** The types of {@link EventRow#COLUMNS}, in order, for the typed nulls of {@link #windowOfSql}. */
    private static final String[] EVENT_TYPES = {"uuid", "uuid", "text", "text", "text", "text", "boolean",
        "timestamp", "text", "timestamp", "text", "date", "date", "timestamptz", "timestamptz", "text", "bigint",
        "timestamptz", "timestamptz", "text", "timestamptz"};
    private static final String[] CALENDAR_TYPES = {"uuid", "uuid", "text", "text", "text", "bigint", "timestamptz",
        "timestamptz"};

    /**
     * The SQL of {@link #windowOf}, with the cursor and title conditions only when they are used: three parts in
     * one statement, told apart by {@code kind}, in no particular order: (0) the calendar's row, under the names of
     * {@link CalendarRow#C_ALIASED}; (1) the page of single events, as {@link #windowSql}; (2) the id, version and
     * start of each series master that overlaps the window (as {@link #seriesOverlapping}), nothing more, since
     * most are rebuilt from the cache of {@link SeriesMasters}. Each part fills the others' columns with nulls.
     */
    static String windowOfSql(boolean afterCursor, boolean titleFilter) {
        String[] eventColumns = EventRow.COLUMNS.split(", ");
        String[] calendarColumns = CalendarRow.COLUMNS.split(", ");
        String calendar = "select " + CalendarRow.C_ALIASED + ", " + nulls(eventColumns, EVENT_TYPES, name -> name)
                + ", 0 as kind from calendars c where c.id = :calendarId";
        String singles = singlesSql("select " + nulls(calendarColumns, CALENDAR_TYPES, name -> "c_" + name) + ", "
                + EventRow.E_COLUMNS + ", 1 as kind from events e", afterCursor, titleFilter);
        StringBuilder masterColumns = new StringBuilder();
        for (int k = 0; k < eventColumns.length; k++) {
            String column = eventColumns[k];
            masterColumns.append(k == 0 ? "" : ", ").append(switch (column) {
                case "id", "version", "start_at" -> "e." + column;
                default -> "null::" + EVENT_TYPES[k];
            });
        }
        String masters = "select " + nulls(calendarColumns, CALENDAR_TYPES, name -> "c_" + name) + ", "
                + masterColumns + ", 2 as kind from events e"
                + " where e.calendar_id = :calendarId and e.recurrence is not null"
                + " and tstzrange(e.start_at, e.series_end_at, '[)') && tstzrange(:from, :to, '[)')"
                + (titleFilter ? " and (e.title_folded like :titlePattern escape :likeEscape"
                        + " or exists (select 1 from event_overrides o where o.series_id = e.id"
                        + " and o.title_folded like :titlePattern escape :likeEscape))" : "");
        // No order over the whole: sorting a thousand masters' rows cost more than the rest of the statement,
        // and only the page of single events needs an order, which the reader restores.
        return "(" + calendar + ") union all " + singles + " union all (" + masters + ")";
    }

    private static String nulls(String[] columns, String[] types, java.util.function.UnaryOperator<String> name) {
        StringBuilder out = new StringBuilder();
        for (int k = 0; k < columns.length; k++) {
            out.append(k == 0 ? "" : ", ").append("null::").append(types[k]).append(" as ")
                    .append(name.apply(columns[k]));
        }
        return out.toString();
    }

    /** The window query's SQL, with the cursor and title conditions only when they are used. */
    static String windowSql(boolean afterCursor, boolean titleFilter) {
        return "select * from (" + singlesSql(SELECT_WITH_ZONE, afterCursor, titleFilter) + ") w"
                + " order by w.start_at, w.id limit :limit";
    }

    /**
     * The first {@code :limit} single events of a window in {@code (start_at, id)} order, after the cursor when
     * there is one, as two parts joined by {@code union all} (each in parentheses), whose rows the caller orders:
     * <ol>
     *   <li>those starting inside the window, read in order from the b-tree {@code events_singles_by_start}, which
     *   stops after {@code :limit} rows however many events the window holds (V10);</li>
     *   <li>those that started earlier and are still running at {@code :from} ({@code [start_at, end_at)} contains
     *   it), found through the GiST index {@code events_window}: few in any real calendar, but sorted and cut to
     *   {@code :limit} all the same. The inner select has no order, and is fenced ({@code offset 0}), so a plan
     *   made once for any values (a prepared statement's generic plan) cannot walk the b-tree through every earlier
     *   event of the calendar in start order instead; {@code start_at <> :from} is the "started earlier" that no
     *   b-tree can use for the same reason (containing {@code :from} already means starting no later).</li>
     * </ol>
     * Together they are exactly the events whose {@code [start_at, end_at)} overlaps {@code [:from, :to)}, each
     * once, and the first {@code :limit} of the window are among them. {@code select} is the select list and
     * {@code from} clause over {@code events e}, without a where clause.
     */
    static String singlesSql(String select, boolean afterCursor, boolean titleFilter) {
        String conditions = " e.calendar_id = :calendarId and e.recurrence is null"
                + (afterCursor ? " and (e.start_at, e.id) > (:afterAt, :afterId)" : "")
                // the escape character is bound: Jdbi's parser reads a backslash in a literal as an escape
                + (titleFilter ? " and e.title_folded like :titlePattern escape :likeEscape" : "");
        String inside = select + " where" + conditions + " and e.start_at >= :from and e.start_at < :to"
                + " order by e.start_at, e.id limit :limit";
        String running = "select * from (" + select + " where" + conditions
                + " and tstzrange(e.start_at, e.end_at, '[)') @> :from::timestamptz and e.start_at <> :from offset 0) r"
                + " order by r.start_at, r.id limit :limit";
        return "(" + inside + ") union all (" + running + ")";
    }

    /** The calendar, held {@code for share} until the transaction ends, so its zone cannot change meanwhile. */
    private static Calendar lockCalendar(Handle handle, CalendarId id) {
        return handle.createQuery("select " + CalendarRow.COLUMNS + " from calendars where id = :id for share")
                .bind("id", id.value())
                .map((rs, ctx) -> CalendarRow.read(rs))
                .findOne()
                .map(CalendarRow::toDomain)
                .orElseThrow(() -> Calendar.notFound(id));
    }

    private static Optional<Event> load(Handle handle, CalendarId calendarId, EventId id) {
        return handle.createQuery(SELECT_WITH_ZONE + " where e.id = :id and e.calendar_id = :calendarId")
                .bind("id", id.value())
                .bind("calendarId", calendarId.value())
                .map((rs, ctx) -> EventRow.read(rs).toDomain(ZoneId.of(rs.getString("calendar_zone"))))
                .findOne();
    }

    /** Binds every column of an insert; the iCalendar UID is null unless the caller binds it again. */
    private static <T extends SqlStatement<T>> T bindInsert(T statement, EventRow row) {
        return bindAll(statement, row)
                .bindByType("icalUid", null, String.class)
                .bind("calendarId", row.calendarId())
                .bind("createdAt", utc(row.createdAt()));
    }

    /** Binds {@link #INSERT_WHILE_CALENDAR_AT}: the same values as {@link #bindInsert}, by position. */
    private static void bindCreate(PreparedStatement statement, EventRow row, long calendarVersion)
            throws SQLException {
        int i = 0;
        statement.setObject(++i, row.calendarId());
        statement.setLong(++i, calendarVersion);
        statement.setObject(++i, row.id());
        statement.setString(++i, row.title());
        statement.setString(++i, row.titleFolded());
        statement.setString(++i, row.description());
        statement.setString(++i, row.location());
        statement.setBoolean(++i, row.allDay());
        statement.setObject(++i, row.startLocal(), Types.TIMESTAMP);
        statement.setString(++i, row.startZone());
        statement.setObject(++i, row.endLocal(), Types.TIMESTAMP);
        statement.setString(++i, row.endZone());
        statement.setObject(++i, row.startDate(), Types.DATE);
        statement.setObject(++i, row.endDate(), Types.DATE);
        statement.setObject(++i, utc(row.startAt()));
        statement.setObject(++i, utc(row.endAt()));
        statement.setString(++i, row.status());
        statement.setLong(++i, row.version());
        statement.setObject(++i, utc(row.createdAt()));
        statement.setObject(++i, utc(row.updatedAt()));
        statement.setString(++i, row.recurrence());
        statement.setObject(++i, row.seriesEndAt() == null ? null : utc(row.seriesEndAt()),
                Types.TIMESTAMP_WITH_TIMEZONE);
    }

    /** Binds the columns an insert and an update share. */
    private static <T extends SqlStatement<T>> T bindAll(T statement, EventRow row) {
        return statement
                .bind("id", row.id())
                .bind("title", row.title())
                .bind("titleFolded", row.titleFolded())
                .bind("description", row.description())
                .bind("location", row.location())
                .bind("allDay", row.allDay())
                .bindByType("startLocal", row.startLocal(), LocalDateTime.class)
                .bindByType("startZone", row.startZone(), String.class)
                .bindByType("endLocal", row.endLocal(), LocalDateTime.class)
                .bindByType("endZone", row.endZone(), String.class)
                .bindByType("startDate", row.startDate(), LocalDate.class)
                .bindByType("endDate", row.endDate(), LocalDate.class)
                .bind("startAt", utc(row.startAt()))
                .bind("endAt", utc(row.endAt()))
                .bind("status", row.status())
                .bind("version", row.version())
                .bind("updatedAt", utc(row.updatedAt()))
                .bindByType("recurrence", row.recurrence(), String.class)
                .bindByType("seriesEndAt", row.seriesEndAt() == null ? null : utc(row.seriesEndAt()),
                        java.time.OffsetDateTime.class);
    }
}
