package dev.almanac.application.port;

import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.OccurrenceOverride;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.SeriesEdit;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** Where events live. Every event belongs to exactly one calendar. */
public interface EventRepository {

    /** Stores a new event; its calendar must exist. */
    void add(Event event);

    /**
     * Schedules a new event in one go: {@code schedule} builds the event from calendar {@code calendarId} (so the
     * builder can check who may write and take the calendar's zone), and what was built is stored only if the
     * calendar is still as the builder saw it when the event is stored; otherwise the builder is asked again with
     * the calendar as it now is. So {@code schedule} may run more than once and must do nothing but build (taking
     * a new id and the time again is fine). When {@code schedule} throws on the calendar as it is, nothing is
     * stored.
     *
     * @throws NotFoundException        {@code calendar.not_found} when the calendar does not exist
     * @throws IllegalArgumentException when the built event names another calendar
     * @return the event as stored (at version 0)
     */
    Event add(CalendarId calendarId, Scheduling schedule);

    /**
     * Stores many new events at once, all or none: for imports and bulk loads, where one transaction per event
     * would be the bottleneck. Each event is stored as {@link #add} would store it.
     *
     * @throws NotFoundException {@code calendar.not_found} when the calendar of any event does not exist; nothing
     *                           is stored then
     */
    void addAll(List<Event> events);

    /**
     * Stores a new event (a series with its overrides, or a single event) as an iCalendar import made it, all in
     * one transaction, keeping the UID it was imported under so that exporting it gives that UID again.
     *
     * @param icalUid the component's UID, 1..1000 characters; one UID names at most one event per calendar
     * @throws NotFoundException {@code calendar.not_found}; nothing is stored then
     */
    void addImported(Series series, String icalUid);

    /** The UIDs the calendar's imported events came under, by event; events made in Almanac have none. */
    Map<EventId, String> icalUids(CalendarId calendarId);

    /** The event with {@code id} in calendar {@code calendarId}; empty when it is in another calendar. */
    Optional<Event> byId(CalendarId calendarId, EventId id);

    /**
     * Calendar {@code calendarId} together with its event {@code id} when it holds one, read at once (one query
     * on a database): for reads that check the caller's permission on the calendar before showing the event.
     * Empty when the calendar does not exist.
     */
    Optional<InCalendar> inCalendar(CalendarId calendarId, EventId id);

    /**
     * Loads, changes and stores one event atomically, with optimistic locking. The change sees the event's
     * calendar too (for authorization and its zone).
     *
     * @param expectedVersion the version the client last saw (If-Match); when empty, the version just loaded
     * @throws NotFoundException     {@code calendar.not_found} or {@code event.not_found}
     * @throws StaleVersionException when the stored version differs from the expected one
     */
    Event update(CalendarId calendarId, EventId id, OptionalLong expectedVersion, Change change);

    /**
     * Deletes one event.
     *
     * @throws NotFoundException     {@code event.not_found}
     * @throws StaleVersionException when {@code expectedVersion} is present and differs from the stored one
     */
    void delete(CalendarId calendarId, EventId id, OptionalLong expectedVersion);

    /**
     * The single events (not series masters) of one calendar whose slot overlaps {@code [from, to)}: they start
     * before {@code to} and end after {@code from}. Ordered by slot start, then id; starting strictly after {@code after}; at most
     * {@code limit}. {@code titleContains}, when present, keeps only events whose title contains it,
     * ignoring case.
     */
    List<Event> window(CalendarId calendarId, Instant from, Instant to, Optional<String> titleContains,
                       Optional<Cursor> after, int limit);

    /**
     * The series masters of one calendar whose overall range (first start to last end, open-ended for a series
     * without end) overlaps {@code [from, to)}, in no particular order. {@code titleContains}, when present,
     * keeps the series whose own title or the title of one of its overrides contains it, ignoring case (as for
     * {@link #window}), so the caller can find an occurrence by the title an override gave it. Their occurrences
     * are expanded by the caller, inside the window.
     */
    List<Event> seriesOverlapping(CalendarId calendarId, Instant from, Instant to, Optional<String> titleContains);

    /**
     * What a window of one calendar is made of, read at once (one query on a database): the calendar itself, for
     * the caller's permission check; its single events as {@link #window} finds them; and the series that
     * {@link #seriesOverlapping} finds, each with its overrides (as {@link #overridesOf} gives them). Empty when
     * the calendar does not exist.
     */
    Optional<WindowContents> windowOf(CalendarId calendarId, Instant from, Instant to,
                                      Optional<String> titleContains, Optional<Cursor> after, int limit);

    /** The event with its occurrence overrides (none for a single event); empty as for {@link #byId}. */
    Optional<Series> seriesById(CalendarId calendarId, EventId id);

    /**
     * The overrides of the given series of one calendar, by series; a series without overrides (or not in the
     * calendar) has no entry. For listing windows, next to {@link #seriesOverlapping}.
     */
    Map<EventId, List<OccurrenceOverride>> overridesOf(CalendarId calendarId, Collection<EventId> seriesIds);

    /**
     * Loads, edits and stores one series with its overrides atomically, with optimistic locking on the master's
     * version, together with what the edit produced: the new series of a split (stored at version 0 with its
     * overrides) and the detached overrides (stored as new single events at version 0). An edit that changes
     * nothing stores nothing and keeps the version.
     *
     * @throws NotFoundException     {@code calendar.not_found} or {@code event.not_found}
     * @throws StaleVersionException when the stored version differs from the expected one
     * @return the edit as stored (the series at its new version)
     */
    SeriesEdit edit(CalendarId calendarId, EventId id, OptionalLong expectedVersion, SeriesChange change);

    /** Builds a new event, given the calendar it goes into. */
    @FunctionalInterface
    interface Scheduling {
        Event apply(Calendar calendar);
    }

    /** A calendar with the single events and the series of one window of it; see {@link #windowOf}. */
    record WindowContents(Calendar calendar, List<Event> singles, List<Series> series) {
        public WindowContents {
            Objects.requireNonNull(calendar, "calendar");
            singles = List.copyOf(singles);
            series = List.copyOf(series);
        }
    }

    /** A calendar, and one of its events when it holds it. */
    record InCalendar(Calendar calendar, Optional<Event> event) {
        public InCalendar {
            Objects.requireNonNull(calendar, "calendar");
            Objects.requireNonNull(event, "event");
            event.ifPresent(e -> {
                if (!e.calendarId().equals(calendar.id())) {
                    throw new IllegalArgumentException("event " + e.id() + " is not in calendar " + calendar.id());
                }
            });
        }
    }

    /** An edit of one series, given its calendar. */
    @FunctionalInterface
    interface SeriesChange {
        SeriesEdit apply(Calendar calendar, Series current);
    }

    /** A change to one event, given its calendar. */
    @FunctionalInterface
    interface Change {
        Event apply(Calendar calendar, Event current);
    }
}
