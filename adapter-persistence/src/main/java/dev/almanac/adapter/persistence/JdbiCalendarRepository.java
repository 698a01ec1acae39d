package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link CalendarRepository} on PostgreSQL.
 *
 * <p>Lock order, shared with {@link JdbiEventRepository} so the two never deadlock: the calendar row first,
 * then event rows. A calendar update takes the calendar row by updating it, then re-anchors the calendar's
 * all-day events; an event write holds the calendar row {@code for share} while it works, so it never stores
 * an instant derived from a zone that is being replaced.
 */
final class JdbiCalendarRepository implements CalendarRepository {
    private final Jdbi jdbi;

    JdbiCalendarRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Calendar calendar) {
        CalendarRow row = CalendarRow.from(calendar.atVersion(0));
        jdbi.useHandle(handle -> handle.createUpdate("""
                        insert into calendars (id, owner_id, name, description, time_zone, version, created_at,
                                               updated_at)
                        values (:id, :ownerId, :name, :description, :timeZone, :version, :createdAt, :updatedAt)
                        """)
                .bind("id", row.id())
                .bind("ownerId", row.ownerId())
                .bind("name", row.name())
                .bind("description", row.description())
                .bind("timeZone", row.timeZone())
                .bind("version", row.version())
                .bind("createdAt", utc(row.createdAt()))
                .bind("updatedAt", utc(row.updatedAt()))
                .execute());
    }

    @Override
    public Optional<Calendar> byId(CalendarId id) {
        return jdbi.withHandle(handle -> load(handle, id));
    }

    @Override
    public Calendar update(CalendarId id, OptionalLong expectedVersion, UnaryOperator<Calendar> change) {
        return jdbi.inTransaction(handle -> {
            Calendar current = load(handle, id).orElseThrow(() -> Calendar.notFound(id));
            long expected = expectedVersion.orElse(current.version());
            if (current.version() != expected) {
                throw new StaleVersionException("calendar", expected);
            }
            Calendar proposed = change.apply(current);
            if (proposed.equals(current)) {
                return current; // nothing changed: nothing to store, and the version (the ETag) stays
            }
            Calendar changed = proposed.atVersion(current.version() + 1);
            CalendarRow row = CalendarRow.from(changed);
            int updated = handle.createUpdate("""
                            update calendars
                               set name = :name, description = :description, time_zone = :timeZone,
                                   version = :newVersion, updated_at = :updatedAt
                             where id = :id and version = :expectedVersion
                            """)
                    .bind("name", row.name())
                    .bind("description", row.description())
                    .bind("timeZone", row.timeZone())
                    .bind("newVersion", row.version())
                    .bind("updatedAt", utc(row.updatedAt()))
                    .bind("id", row.id())
                    .bind("expectedVersion", expected)
                    .execute();
            if (updated == 0) {
                throw new StaleVersionException("calendar", expected);
            }
            if (!changed.timeZone().equals(current.timeZone())) {
                reanchorAllDayEvents(handle, id, changed.timeZone());
            }
            return changed;
        });
    }

    /** All-day events sit at midnight in their calendar's zone: derive their instants again in the new one. */
    private static void reanchorAllDayEvents(Handle handle, CalendarId id, ZoneId zone) {
        List<Event> reanchored = handle.createQuery(
                        "select " + EventRow.COLUMNS + " from events where calendar_id = :id and all_day for update")
                .bind("id", id.value())
                .map((rs, ctx) -> EventRow.read(rs))
                .list()
                .stream()
                .map(row -> row.toDomain(zone))
                .toList();
        if (reanchored.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch(
                "update events set start_at = :startAt, end_at = :endAt, series_end_at = :seriesEndAt where id = :id");
        for (Event event : reanchored) {
            EventRow row = EventRow.from(event);
            batch.bind("startAt", utc(event.slot().start()))
                    .bind("endAt", utc(event.slot().end()))
                    .bindByType("seriesEndAt", row.seriesEndAt() == null ? null : utc(row.seriesEndAt()),
                            java.time.OffsetDateTime.class)
                    .bind("id", event.id().value())
                    .add();
        }
        batch.execute();
    }

    @Override
    public void delete(CalendarId id, OptionalLong expectedVersion) {
        jdbi.useTransaction(handle -> {
            long stored = handle.createQuery("select version from calendars where id = :id for update")
                    .bind("id", id.value())
                    .mapTo(Long.class)
                    .findOne()
                    .orElseThrow(() -> Calendar.notFound(id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != stored) {
                throw new StaleVersionException("calendar", expectedVersion.getAsLong());
            }
            // The foreign key's "on delete cascade" deletes the calendar's events in this same statement.
            handle.createUpdate("delete from calendars where id = :id").bind("id", id.value()).execute();
        });
    }

    @Override
    public List<Calendar> ownedBy(AccountId owner, Optional<Cursor> after, int limit) {
        String sql = "select " + CalendarRow.COLUMNS + " from calendars where owner_id = :owner"
                + (after.isPresent() ? " and (created_at, id) > (:afterAt, :afterId)" : "")
                + " order by created_at, id limit :limit";
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("owner", owner.value()).bind("limit", limit);
            after.ifPresent(cursor -> query.bind("afterAt", utc(cursor.at())).bind("afterId", cursor.id()));
            return query.map((rs, ctx) -> CalendarRow.read(rs)).list().stream().map(CalendarRow::toDomain).toList();
        });
    }

    /** The calendar as it is, without a lock. */
    static Optional<Calendar> load(Handle handle, CalendarId id) {
        return handle.createQuery("select " + CalendarRow.COLUMNS + " from calendars where id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> CalendarRow.read(rs))
                .findOne()
                .map(CalendarRow::toDomain);
    }
}
