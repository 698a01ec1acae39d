package dev.almanac.application.fakes;

import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.shared.StaleVersionException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** A {@link CalendarRepository} in memory, held to the same contract as the PostgreSQL one. */
public final class InMemoryCalendars implements CalendarRepository {
    private static final Comparator<Calendar> ORDER =
            Comparator.comparing(Calendar::createdAt).thenComparing(c -> c.id().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    InMemoryCalendars(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(Calendar calendar) {
        synchronized (store) {
            if (store.calendars.containsKey(calendar.id())) {
                throw new IllegalStateException("calendar " + calendar.id() + " exists");
            }
            if (!store.accounts.isEmpty() && !store.accounts.containsKey(calendar.owner())) {
                throw new IllegalStateException("owner " + calendar.owner() + " does not exist");
            }
            store.calendars.put(calendar.id(), calendar.atVersion(0));
        }
    }

    @Override
    public Optional<Calendar> byId(CalendarId id) {
        synchronized (store) {
            return Optional.ofNullable(store.calendars.get(id));
        }
    }

    @Override
    public Calendar update(CalendarId id, OptionalLong expectedVersion, UnaryOperator<Calendar> change) {
        synchronized (store) {
            Calendar current = store.calendars.get(id);
            if (current == null) {
                throw Calendar.notFound(id);
            }
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new StaleVersionException("calendar", expectedVersion.getAsLong());
            }
            Calendar proposed = change.apply(current);
            if (proposed.equals(current)) {
                return current;
            }
            Calendar changed = proposed.atVersion(current.version() + 1);
            store.calendars.put(id, changed);
            if (!changed.timeZone().equals(current.timeZone())) {
                store.events.replaceAll((eventId, event) -> event.calendarId().equals(id)
                        ? event.anchoredIn(changed.timeZone()) : event);
            }
            return changed;
        }
    }

    @Override
    public void delete(CalendarId id, OptionalLong expectedVersion) {
        synchronized (store) {
            Calendar current = store.calendars.get(id);
            if (current == null) {
                throw Calendar.notFound(id);
            }
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new StaleVersionException("calendar", expectedVersion.getAsLong());
            }
            store.calendars.remove(id);
            store.events.values().removeIf(event -> event.calendarId().equals(id));
            store.overrides.keySet().retainAll(store.events.keySet());
            store.feeds.values().removeIf(feed -> feed.calendarId().equals(id));
        }
    }

    @Override
    public List<Calendar> ownedBy(AccountId owner, Optional<Cursor> after, int limit) {
        synchronized (store) {
            return store.calendars.values().stream()
                    .filter(c -> c.owner().equals(owner))
                    .filter(c -> after.map(a -> isAfter(c, a)).orElse(true))
                    .sorted(ORDER)
                    .limit(limit)
                    .toList();
        }
    }

    private static boolean isAfter(Calendar c, Cursor cursor) {
        int byTime = c.createdAt().compareTo(cursor.at());
        return byTime > 0 || (byTime == 0 && InMemoryStore.UUID_ORDER.compare(c.id().value(), cursor.id()) > 0);
    }
}
