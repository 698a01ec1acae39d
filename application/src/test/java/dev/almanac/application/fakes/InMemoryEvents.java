package dev.almanac.application.fakes;

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
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/** An {@link EventRepository} in memory, held to the same contract as the PostgreSQL one. */
public final class InMemoryEvents implements EventRepository {
    private static final Comparator<Event> ORDER =
            Comparator.comparing((Event e) -> e.slot().start()).thenComparing(e -> e.id().value(), InMemoryStore.UUID_ORDER);

    private final InMemoryStore store;

    InMemoryEvents(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(Event event) {
        synchronized (store) {
            Calendar calendar = existing(event.calendarId());
            if (store.events.containsKey(event.id())) {
                throw new IllegalStateException("event " + event.id() + " exists");
            }
            store.events.put(event.id(), event.anchoredIn(calendar.timeZone()).atVersion(0));
        }
    }

    @Override
    public Event add(CalendarId calendarId, Scheduling schedule) {
        synchronized (store) {
            Calendar calendar = existing(calendarId);
            Event event = schedule.apply(calendar);
            if (!event.calendarId().equals(calendarId)) {
                throw new IllegalArgumentException("event " + event.id() + " is not in calendar " + calendarId);
            }
            add(event);
            return store.events.get(event.id());
        }
    }

    @Override
    public void addAll(List<Event> events) {
        synchronized (store) {
            var ids = new HashSet<EventId>();
            for (Event event : events) {
                if (!store.calendars.containsKey(event.calendarId())) {
                    throw Calendar.notFound(event.calendarId());
                }
                if (store.events.containsKey(event.id()) || !ids.add(event.id())) {
                    throw new IllegalStateException("event " + event.id() + " exists");
                }
            }
            events.forEach(this::add);
        }
    }

    @Override
    public void addImported(Series series, String icalUid) {
        synchronized (store) {
            if (icalUids(series.master().calendarId()).containsValue(icalUid)) {
                throw new IllegalStateException("UID " + icalUid + " names an event of this calendar already");
            }
            add(series.master());
            putOverrides(series);
            store.icalUids.put(series.id(), icalUid);
        }
    }

    @Override
    public Map<EventId, String> icalUids(CalendarId calendarId) {
        synchronized (store) {
            Map<EventId, String> out = new HashMap<>();
            store.icalUids.forEach((id, uid) -> {
                if (byId(calendarId, id).isPresent()) {
                    out.put(id, uid);
                }
            });
            return out;
        }
    }

    @Override
    public Optional<Event> byId(CalendarId calendarId, EventId id) {
        synchronized (store) {
            return Optional.ofNullable(store.events.get(id)).filter(e -> e.calendarId().equals(calendarId));
        }
    }

    @Override
    public Optional<WindowContents> windowOf(CalendarId calendarId, Instant from, Instant to,
                                             Optional<String> titleContains, Optional<Cursor> after, int limit) {
        synchronized (store) {
            return Optional.ofNullable(store.calendars.get(calendarId)).map(calendar -> new WindowContents(calendar,
                    window(calendarId, from, to, titleContains, after, limit),
                    seriesOverlapping(calendarId, from, to, titleContains).stream()
                            .map(master -> Series.rehydrate(master, overridesOf(calendarId, List.of(master.id()))
                                    .getOrDefault(master.id(), List.of())))
                            .toList()));
        }
    }

    @Override
    public Optional<InCalendar> inCalendar(CalendarId calendarId, EventId id) {
        synchronized (store) {
            return Optional.ofNullable(store.calendars.get(calendarId))
                    .map(calendar -> new InCalendar(calendar, byId(calendarId, id)));
        }
    }

    @Override
    public Event update(CalendarId calendarId, EventId id, OptionalLong expectedVersion, Change change) {
        synchronized (store) {
            Calendar calendar = existing(calendarId);
            Event current = byId(calendarId, id).orElseThrow(() -> Event.notFound(id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new StaleVersionException("event", expectedVersion.getAsLong());
            }
            Event proposed = change.apply(calendar, current).anchoredIn(calendar.timeZone());
            if (proposed.equals(current)) {
                return current;
            }
            Event changed = proposed.atVersion(current.version() + 1);
            store.events.put(id, changed);
            return changed;
        }
    }

    @Override
    public void delete(CalendarId calendarId, EventId id, OptionalLong expectedVersion) {
        synchronized (store) {
            Event current = byId(calendarId, id).orElseThrow(() -> Event.notFound(id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.version()) {
                throw new StaleVersionException("event", expectedVersion.getAsLong());
            }
            store.events.remove(id);
            store.overrides.remove(id);
        }
    }

    @Override
    public List<Event> window(CalendarId calendarId, Instant from, Instant to, Optional<String> titleContains,
                              Optional<Cursor> after, int limit) {
        Optional<String> needle = titleContains.map(q -> q.toLowerCase(Locale.ROOT));
        synchronized (store) {
            return store.events.values().stream()
                    .filter(e -> e.calendarId().equals(calendarId))
                    .filter(e -> !e.isSeries())
                    .filter(e -> e.slot().start().isBefore(to) && e.slot().end().isAfter(from))
                    .filter(e -> needle.map(n -> e.title().toLowerCase(Locale.ROOT).contains(n)).orElse(true))
                    .filter(e -> after.map(a -> isAfter(e, a)).orElse(true))
                    .sorted(ORDER)
                    .limit(limit)
                    .toList();
        }
    }

    @Override
    public List<Event> seriesOverlapping(CalendarId calendarId, Instant from, Instant to,
                                         Optional<String> titleContains) {
        Optional<String> needle = titleContains.map(q -> q.toLowerCase(Locale.ROOT));
        synchronized (store) {
            return store.events.values().stream()
                    .filter(e -> e.calendarId().equals(calendarId))
                    .filter(Event::isSeries)
                    .filter(e -> e.slot().start().isBefore(to)
                            && e.seriesEnd().map(end -> end.isAfter(from)).orElse(true))
                    .filter(e -> needle.map(n -> e.title().toLowerCase(Locale.ROOT).contains(n)
                            || store.overrides.getOrDefault(e.id(), List.of()).stream()
                                    .anyMatch(o -> o.title().toLowerCase(Locale.ROOT).contains(n))).orElse(true))
                    .toList();
        }
    }

    @Override
    public Optional<Series> seriesById(CalendarId calendarId, EventId id) {
        synchronized (store) {
            return byId(calendarId, id).map(e -> Series.rehydrate(e, store.overrides.getOrDefault(id, List.of())));
        }
    }

    @Override
    public Map<EventId, List<OccurrenceOverride>> overridesOf(CalendarId calendarId, Collection<EventId> seriesIds) {
        synchronized (store) {
            Map<EventId, List<OccurrenceOverride>> out = new HashMap<>();
            for (EventId id : seriesIds) {
                List<OccurrenceOverride> found = store.overrides.getOrDefault(id, List.of());
                if (!found.isEmpty() && byId(calendarId, id).isPresent()) {
                    out.put(id, found);
                }
            }
            return out;
        }
    }

    @Override
    public SeriesEdit edit(CalendarId calendarId, EventId id, OptionalLong expectedVersion, SeriesChange change) {
        synchronized (store) {
            Calendar calendar = store.calendars.get(calendarId);
            if (calendar == null) {
                throw Calendar.notFound(calendarId);
            }
            Series current = seriesById(calendarId, id).orElseThrow(() -> Event.notFound(id));
            if (expectedVersion.isPresent() && expectedVersion.getAsLong() != current.master().version()) {
                throw new StaleVersionException("event", expectedVersion.getAsLong());
            }
            SeriesEdit proposed = change.apply(calendar, current);
            Series next = proposed.series().anchoredIn(calendar.timeZone());
            if (next.equals(current) && proposed.split().isEmpty() && proposed.detached().isEmpty()) {
                return SeriesEdit.of(current);
            }
            Series stored = next.atVersion(current.master().version() + 1);
            store.events.put(id, stored.master());
            putOverrides(stored);
            Optional<Series> split = proposed.split().map(s -> s.anchoredIn(calendar.timeZone()).atVersion(0));
            split.ifPresent(s -> {
                add(s.master());
                putOverrides(s);
            });
            List<SeriesEdit.Detached> detached = new ArrayList<>();
            for (SeriesEdit.Detached d : proposed.detached()) {
                add(d.event());
                detached.add(new SeriesEdit.Detached(d.originalStart(), store.events.get(d.event().id())));
            }
            return new SeriesEdit(stored, split, proposed.carried(), detached);
        }
    }

    private void putOverrides(Series series) {
        if (series.overrides().isEmpty()) {
            store.overrides.remove(series.id());
        } else {
            store.overrides.put(series.id(), series.overrides());
        }
    }

    private static boolean isAfter(Event e, Cursor cursor) {
        int byTime = e.slot().start().compareTo(cursor.at());
        return byTime > 0 || (byTime == 0 && InMemoryStore.UUID_ORDER.compare(e.id().value(), cursor.id()) > 0);
    }

    private Calendar existing(CalendarId id) {
        Calendar calendar = store.calendars.get(id);
        if (calendar == null) {
            throw Calendar.notFound(id);
        }
        return calendar;
    }
}
