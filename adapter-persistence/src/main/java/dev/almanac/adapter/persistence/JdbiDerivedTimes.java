package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.DerivedTimes;
import dev.almanac.domain.shared.DomainException;
import dev.almanac.domain.shared.ZoneRulesStamp;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.PreparedBatch;
import org.jdbi.v3.core.statement.Query;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link DerivedTimes} on PostgreSQL. The reconciliation holds a session-level advisory lock on its own connection
 * from start to end, so replicas starting at once run it one after the other; each batch is its own transaction,
 * so no row stays locked for long and an interrupted run keeps what it did. Rows are visited once, in id order
 * (keyset on the primary key), whatever the number of zones.
 */
final class JdbiDerivedTimes implements DerivedTimes {
    private static final Logger LOG = LoggerFactory.getLogger(JdbiDerivedTimes.class);

    /** An arbitrary constant naming "re-deriving instants" among advisory locks. */
    private static final long REDERIVE_LOCK = 0x616c6d616e61635aL;

    /** The rows using one of {@code :zones}, in id order, after the cursor when there is one. */
    private static String batchSql(boolean afterCursor) {
        return "select " + EventRow.E_COLUMNS + ", c.time_zone as calendar_zone"
                + " from events e join calendars c on c.id = e.calendar_id"
                + " where (e.start_zone = any(:zones) or e.end_zone = any(:zones)"
                + " or (e.all_day and c.time_zone = any(:zones)))"
                + (afterCursor ? " and e.id > :after" : "")
                + " order by e.id limit :limit";
    }

    /** One statement per batch: the rows' new instants as parallel arrays, each row guarded by its version. */
    private static final String MOVE = """
            update events e
               set start_at = v.start_at, end_at = v.end_at, series_end_at = v.series_end_at
              from unnest(:ids, :versions, :starts, :ends, :seriesEnds)
                   as v (id, version, start_at, end_at, series_end_at)
             where e.id = v.id and e.version = v.version
            """;

    private final Jdbi jdbi;

    JdbiDerivedTimes(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public long reconcile(Function<Map<String, ZoneRulesStamp>, Plan> planner, int batchSize) {
        if (batchSize < 1) {
            throw new IllegalArgumentException("batchSize must be positive");
        }
        return jdbi.withHandle(handle -> {
            handle.execute("select pg_advisory_lock(?)", REDERIVE_LOCK);
            try {
                Plan plan = planner.apply(recorded(handle));
                long moved = plan.rederive().isEmpty() ? 0 : rederive(handle, plan.rederive(), batchSize);
                record(handle, plan.record());
                return moved;
            } finally {
                handle.execute("select pg_advisory_unlock(?)", REDERIVE_LOCK);
            }
        });
    }

    private static Map<String, ZoneRulesStamp> recorded(Handle handle) {
        Map<String, ZoneRulesStamp> out = new HashMap<>();
        handle.createQuery("select zone_id, tzdb_version, fingerprint from zone_rules")
                .map((rs, ctx) -> Map.entry(rs.getString("zone_id"),
                        new ZoneRulesStamp(rs.getString("tzdb_version"), rs.getString("fingerprint"))))
                .forEach(e -> out.put(e.getKey(), e.getValue()));
        return out;
    }

    private static long rederive(Handle handle, Set<String> zones, int batchSize) {
        String[] zoneArray = zones.toArray(String[]::new);
        Optional<UUID> after = Optional.empty();
        long moved = 0;
        long seen = 0;
        while (true) {
            Optional<UUID> from = after;
            Batch batch = handle.inTransaction(h -> batch(h, zoneArray, from, batchSize));
            moved += batch.moved();
            seen += batch.read();
            if (batch.read() < batchSize) {
                LOG.info("Re-derived the instants of {} rows in {} zones: {} moved", seen, zones.size(), moved);
                return moved;
            }
            after = Optional.of(batch.last());
        }
    }

    /** One transaction: the next rows after {@code after}, and the update of those whose instants changed. */
    private static Batch batch(Handle handle, String[] zones, Optional<UUID> after, int limit) {
        Query query = handle.createQuery(batchSql(after.isPresent()));
        after.ifPresent(id -> query.bind("after", id));
        List<Visit> visits = query
                .bindArray("zones", String.class, (Object[]) zones)
                .bind("limit", limit)
                .map((rs, ctx) -> visit(EventRow.read(rs), rs.getString("calendar_zone")))
                .list();
        List<EventRow> changed = visits.stream().flatMap(v -> v.rederived().stream()).toList();
        int moved = changed.isEmpty() ? 0 : handle.createUpdate(MOVE)
                .bindArray("ids", UUID.class, changed.stream().map(EventRow::id).toList())
                .bindArray("versions", Long.class, changed.stream().map(EventRow::version).toList())
                .bindArray("starts", OffsetDateTime.class, changed.stream().map(r -> utc(r.startAt())).toList())
                .bindArray("ends", OffsetDateTime.class, changed.stream().map(r -> utc(r.endAt())).toList())
                .bindArray("seriesEnds", OffsetDateTime.class, changed.stream()
                        .map(r -> r.seriesEndAt() == null ? null : utc(r.seriesEndAt())).toList())
                .execute();
        return new Batch(visits.isEmpty() ? null : visits.get(visits.size() - 1).id(), visits.size(), moved);
    }

    /**
     * The row with its instants derived again from its wall time and zones under the running rules; empty when
     * they are what is stored, or when the row no longer makes an event under the new rules (logged: it keeps
     * its instants, and whoever edits it next must fix its time).
     */
    private static Visit visit(EventRow stored, String calendarZone) {
        EventRow now;
        try {
            now = EventRow.from(stored.toDomain(ZoneId.of(calendarZone)));
        } catch (DomainException | DateTimeException e) {
            LOG.warn("Event {} cannot be re-derived under the running zone rules and keeps its instants: {}",
                    stored.id(), e.getMessage());
            return new Visit(stored.id(), Optional.empty());
        }
        boolean same = now.startAt().equals(stored.startAt()) && now.endAt().equals(stored.endAt())
                && Objects.equals(now.seriesEndAt(), stored.seriesEndAt());
        return new Visit(stored.id(), same ? Optional.empty() : Optional.of(now));
    }

    private static void record(Handle handle, Map<String, ZoneRulesStamp> stamps) {
        if (stamps.isEmpty()) {
            return;
        }
        PreparedBatch batch = handle.prepareBatch("""
                insert into zone_rules (zone_id, tzdb_version, fingerprint, recorded_at)
                values (:zone, :version, :fingerprint, now())
                on conflict (zone_id) do update
                   set tzdb_version = excluded.tzdb_version, fingerprint = excluded.fingerprint,
                       recorded_at = excluded.recorded_at
                """);
        stamps.forEach((zone, stamp) -> batch.bind("zone", zone)
                .bind("version", stamp.version())
                .bind("fingerprint", stamp.fingerprint())
                .add());
        batch.execute();
    }

    private record Visit(UUID id, Optional<EventRow> rederived) {
    }

    private record Batch(UUID last, int read, int moved) {
    }
}
