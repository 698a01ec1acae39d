package dev.almanac.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.OccurrenceOverride;
import dev.almanac.domain.event.Series;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/**
 * Series already rebuilt from their rows, master and overrides, so that listing a window does not read every
 * overlapping series' overrides and parse its rules again on each request (ADR 0021).
 *
 * <p>Why an entry is never stale: a series' domain content is a function of its id and version, because every
 * change to the master or its overrides goes through one update that bumps the master's version (the statements
 * that move only derived instants, after a zone rule change or a calendar's zone change, touch no column a
 * {@link Series} is built from), and the calendar's zone, which anchors all-day series, must be the one it was
 * rebuilt in. A changed series is looked up under its new version and the old entry ages out. Overrides read
 * for a master are remembered only when the statement that read them saw the master at the version its row had,
 * so a change committed in between is never remembered under the old version. Replicas need not agree on
 * anything.
 *
 * <p>Bounded by weight (roughly the characters the entries hold), so long descriptions cannot crowd the heap.
 */
final class SeriesMasters {
    /** About 16 MiB of text at two bytes a character. */
    static final long MAX_WEIGHT = 8L * 1024 * 1024;
    private static final int OVERHEAD = 256;

    private record Key(UUID id, long version) {
        /** Spreads ids whose bits differ little (time-ordered ids, seeded ones) over the whole table. */
        @Override
        public int hashCode() {
            long h = id.getMostSignificantBits() * 0x9E3779B97F4A7C15L + id.getLeastSignificantBits();
            h = (h ^ (h >>> 31)) * 0xBF58476D1CE4E5B9L + version;
            return (int) (h ^ (h >>> 32));
        }
    }

    /**
     * A series rebuilt with its all-day times anchored in {@code calendarZone}. The zone is checked on a hit
     * rather than hashed into the key: a window looks up a thousand series in one zone, which rarely changes.
     */
    private record Built(ZoneId calendarZone, Series series) {
    }

    private final Cache<Key, Built> built = Caffeine.newBuilder()
            .maximumWeight(MAX_WEIGHT)
            .weigher((Key key, Built entry) -> weight(entry.series()))
            .build();

    /** The series with this id at this version, anchored in {@code calendarZone}, when rebuilt before. */
    Optional<Series> known(UUID id, long version, ZoneId calendarZone) {
        Built entry = built.getIfPresent(new Key(id, version));
        return entry != null && entry.calendarZone().equals(calendarZone) ? Optional.of(entry.series())
                : Optional.empty();
    }

    /**
     * The given masters with their overrides, read in one statement and remembered for the next time; a master
     * that changed or went away since it was read keeps the overrides read now (as an uncached read would) and is
     * not remembered.
     */
    Map<EventId, Series> load(Handle handle, UUID calendarId, List<Event> masters, ZoneId calendarZone) {
        Map<EventId, Series> out = new HashMap<>();
        if (masters.isEmpty()) {
            return out;
        }
        List<UUID> ids = masters.stream().map(m -> m.id().value()).toList();
        Map<EventId, OverrideRows.Versioned> read = OverrideRows.versionedIn(handle, calendarId, ids);
        for (Event master : masters) {
            OverrideRows.Versioned now = read.get(master.id());
            Series series = Series.rehydrate(master, now == null ? List.of() : now.overrides());
            out.put(master.id(), series);
            if (now != null && now.version() == master.version()) {
                built.put(new Key(master.id().value(), master.version()), new Built(calendarZone, series));
            }
        }
        return out;
    }

    private static int weight(Series series) {
        Event master = series.master();
        long chars = (long) master.title().length() + master.description().length() + master.location().length()
                + master.recurrence().lines().stream().mapToLong(String::length).sum();
        for (OccurrenceOverride o : series.overrides()) {
            chars += OVERHEAD / 2 + o.title().length() + o.description().length() + o.location().length();
        }
        return (int) Math.min(Integer.MAX_VALUE, chars + OVERHEAD);
    }
}
