package dev.almanac.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import java.time.Duration;
import java.util.Optional;

/**
 * Calendars as this replica last read them, so that creating an event need not read its calendar first. Never
 * trusted alone: the insert that follows names the version the event was built from and inserts nothing when the
 * calendar is no longer at it (or is gone), and the event is then built again from the calendar as it is. A stale
 * entry costs one more round trip, never a wrong event or a permission the calendar no longer grants. A
 * {@link Calendar} is a function of its row, and every change to the row bumps its version.
 */
final class CalendarsSeen {
    static final long MAX_ENTRIES = 10_000;

    private final Cache<CalendarId, Calendar> seen = Caffeine.newBuilder()
            .maximumSize(MAX_ENTRIES)
            .expireAfterAccess(Duration.ofMinutes(10))
            .build();

    Optional<Calendar> known(CalendarId id) {
        return Optional.ofNullable(seen.getIfPresent(id));
    }

    void saw(Calendar calendar) {
        seen.put(calendar.id(), calendar);
    }

    void forget(CalendarId id) {
        seen.invalidate(id);
    }
}
