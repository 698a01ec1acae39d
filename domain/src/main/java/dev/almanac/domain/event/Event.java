package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Text;
import dev.almanac.domain.shared.Violations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * Something that happens in a calendar at a time.
 *
 * <p>Immutable: every change returns a new value, and {@code version} travels with it for optimistic locking.
 * {@link #slot()} is derived from {@link #time()} and, for all-day events, {@code anchorZone} (the calendar's
 * zone); it is never accepted from outside, so wall time plus zone stays the single source of truth.
 *
 * <p>Two doors: {@link #schedule} runs the rules for a new event; {@link #rehydrate} rebuilds a stored one. Both
 * check every structural invariant.
 *
 * <p>A value, equal by its twelve parts, as a record would be; a class only so that it can keep its slot once
 * derived: listing a window orders items by their start and expands series from their length many times over,
 * and deriving the slot means resolving two wall times in their zones (ADR 0021's measurements).
 */
public final class Event {
    private final EventId id;
    private final CalendarId calendarId;
    private final String title;
    private final String description;
    private final String location;
    private final EventTime time;
    private final ZoneId anchorZone;
    private final EventStatus status;
    private final long version;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Recurrence recurrence;
    /** Derived from {@link #time} and {@link #anchorZone} on first use; a benign race may derive it twice. */
    private TimeSlot slot;

    public static final int TITLE_MAX = 500;
    public static final int DESCRIPTION_MAX = 50_000;
    public static final int LOCATION_MAX = 1_000;

    /**
     * @param title       1..500 characters after trimming, no control characters
     * @param description at most 50,000 characters; empty when there is none
     * @param location    at most 1,000 characters, a single line; empty when there is none
     * @param anchorZone  the zone of the event's calendar, where all-day dates are placed on the time line
     */
    public Event(EventId id, CalendarId calendarId, String title, String description, String location,
                 EventTime time, ZoneId anchorZone, EventStatus status, long version, Instant createdAt,
                 Instant updatedAt, Recurrence recurrence) {
        requireNonNull(id, "id");
        requireNonNull(calendarId, "calendarId");
        var violations = new Violations();
        String rawTitle = title;
        String rawDescription = description;
        String rawLocation = location;
        String checkedTitle = violations.check(() -> checkTitle(rawTitle));
        String checkedDescription = violations.check(() -> checkDescription(rawDescription));
        String checkedLocation = violations.check(() -> checkLocation(rawLocation));
        violations.throwIfAny("The event cannot be saved as given");
        title = checkedTitle;
        description = checkedDescription;
        location = checkedLocation;
        requireNonNull(time, "time");
        requireNonNull(anchorZone, "anchorZone");
        requireNonNull(status, "status");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        requireNonNull(recurrence, "recurrence");
        recurrence.check(time);
        this.id = id;
        this.calendarId = calendarId;
        this.title = title;
        this.description = description;
        this.location = location;
        this.time = time;
        this.anchorZone = anchorZone;
        this.status = status;
        this.version = version;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.recurrence = recurrence;
    }

    public EventId id() {
        return id;
    }

    public CalendarId calendarId() {
        return calendarId;
    }

    /** 1..500 characters, trimmed, no control characters. */
    public String title() {
        return title;
    }

    /** At most 50,000 characters; empty when there is none. */
    public String description() {
        return description;
    }

    /** At most 1,000 characters on one line; empty when there is none. */
    public String location() {
        return location;
    }

    public EventTime time() {
        return time;
    }

    /** The zone of the event's calendar, where all-day dates are placed on the time line. */
    public ZoneId anchorZone() {
        return anchorZone;
    }

    public EventStatus status() {
        return status;
    }

    public long version() {
        return version;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    public Recurrence recurrence() {
        return recurrence;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof Event e
                && version == e.version
                && id.equals(e.id)
                && calendarId.equals(e.calendarId)
                && title.equals(e.title)
                && description.equals(e.description)
                && location.equals(e.location)
                && time.equals(e.time)
                && anchorZone.equals(e.anchorZone)
                && status == e.status
                && createdAt.equals(e.createdAt)
                && updatedAt.equals(e.updatedAt)
                && recurrence.equals(e.recurrence);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, calendarId, title, description, location, time, anchorZone, status, version,
                createdAt, updatedAt, recurrence);
    }

    @Override
    public String toString() {
        return "Event[id=" + id + ", calendarId=" + calendarId + ", title=" + title + ", description="
                + description + ", location=" + location + ", time=" + time + ", anchorZone=" + anchorZone
                + ", status=" + status + ", version=" + version + ", createdAt=" + createdAt + ", updatedAt="
                + updatedAt + ", recurrence=" + recurrence + "]";
    }

    /** The title rule: 1..500 characters after trimming, no control characters. Returns the trimmed title. */
    public static String checkTitle(String title) {
        return Text.label(title, TITLE_MAX, "title", "event.title");
    }

    /** The description rule: at most 50,000 characters, line breaks allowed; blank becomes empty. */
    public static String checkDescription(String description) {
        return Text.prose(description, DESCRIPTION_MAX, "description", "event.description");
    }

    /** The location rule: at most 1,000 characters on one line; blank becomes empty. */
    public static String checkLocation(String location) {
        return Text.isBlank(location) ? "" : Text.label(location, LOCATION_MAX, "location", "event.location");
    }

    /**
     * Schedules a new event at version 0. A new event is {@code TENTATIVE} or {@code CONFIRMED}
     * (the default); it cannot begin life cancelled.
     *
     * @param calendarZone the calendar's zone, which anchors all-day dates on the time line
     */
    public static Event schedule(EventId id, CalendarId calendarId, String title, String description,
                                 String location, EventTime time, Optional<EventStatus> status,
                                 ZoneId calendarZone, Instant now) {
        EventStatus initial = status.orElse(EventStatus.CONFIRMED);
        if (initial == EventStatus.CANCELLED) {
            throw new RuleViolationException("status", "event.status.cancelled_on_create",
                    "A new event must be TENTATIVE or CONFIRMED");
        }
        return new Event(id, calendarId, title, description, location, time, calendarZone, initial, 0, now, now,
                Recurrence.NONE);
    }

    /** Schedules a new event that repeats as {@code recurrence} says ({@link Recurrence#NONE}: a single event). */
    public static Event schedule(EventId id, CalendarId calendarId, String title, String description,
                                 String location, EventTime time, Optional<EventStatus> status,
                                 ZoneId calendarZone, Instant now, Recurrence recurrence) {
        Event event = schedule(id, calendarId, title, description, location, time, status, calendarZone, now);
        Event repeating = event.withRecurrence(recurrence);
        repeating.seriesEnd();
        return repeating;
    }

    /** Rebuilds a stored event; the slot is derived again from its time, never read back. */
    public static Event rehydrate(EventId id, CalendarId calendarId, String title, String description,
                                  String location, EventTime time, EventStatus status, long version,
                                  Instant createdAt, Instant updatedAt, ZoneId calendarZone) {
        return new Event(id, calendarId, title, description, location, time, calendarZone, status, version,
                createdAt, updatedAt, Recurrence.NONE);
    }

    /** Rebuilds a stored event, series or single. */
    public static Event rehydrate(EventId id, CalendarId calendarId, String title, String description,
                                  String location, EventTime time, EventStatus status, long version,
                                  Instant createdAt, Instant updatedAt, ZoneId calendarZone, Recurrence recurrence) {
        return new Event(id, calendarId, title, description, location, time, calendarZone, status, version,
                createdAt, updatedAt, recurrence);
    }

    /**
     * Where the event lies on the time line, derived from its wall time and zones (all-day dates in
     * {@link #anchorZone()}). Half-open: {@code [start, end)}.
     */
    public TimeSlot slot() {
        TimeSlot derived = slot;
        if (derived == null) {
            derived = time.slotIn(anchorZone);
            slot = derived;
        }
        return derived;
    }

    /**
     * Applies a partial change. Every present part replaces the current one; start and end may be changed
     * alone, and the resulting span is checked as a whole. A status change follows {@link EventStatus}'s moves.
     * A change that changes nothing returns this very event, so nothing is stored and the version stays.
     */
    public Event revise(EventChanges changes, ZoneId calendarZone, Instant now) {
        EventTime newTime = time;
        if (changes.start().isPresent() || changes.end().isPresent()) {
            newTime = new EventTime(changes.start().orElse(time.start()), changes.end().orElse(time.end()));
        }
        EventStatus newStatus = changes.status().map(status::moveTo).orElse(status);
        var revised = new Event(id, calendarId,
                changes.title().orElse(title),
                changes.description().orElse(description),
                changes.location().orElse(location),
                newTime, calendarZone, newStatus, version, createdAt, updatedAt, recurrence);
        if (revised.equals(this)) {
            return this;
        }
        return revised.touched(now);
    }

    /** Moves to a new status, or refuses naming both states. Moving to the current status changes nothing. */
    public Event moveTo(EventStatus target, Instant now) {
        EventStatus next = status.moveTo(target);
        if (next == status) {
            return this;
        }
        return new Event(id, calendarId, title, description, location, time, anchorZone, next, version, createdAt,
                later(now), recurrence);
    }

    /** The same event, changed at {@code now}, for a change of its overrides alone (an import, say). */
    public Event touchedForImport(Instant now) {
        return touched(now);
    }

    /** The same event, changed at {@code now} (for changes of its occurrences, which are changes of the series). */
    Event touchedAt(Instant now) {
        return touched(now);
    }

    private Event touched(Instant now) {
        return new Event(id, calendarId, title, description, location, time, anchorZone, status, version, createdAt,
                later(now), recurrence);
    }

    /** The same event re-anchored in a calendar zone (only all-day events move). */
    public Event anchoredIn(ZoneId calendarZone) {
        return new Event(id, calendarId, title, description, location, time, calendarZone, status, version,
                createdAt, updatedAt, recurrence);
    }

    /** The same event as stored at {@code newVersion}. */
    public Event atVersion(long newVersion) {
        return new Event(id, calendarId, title, description, location, time, anchorZone, status, newVersion,
                createdAt, updatedAt, recurrence);
    }

    /** Whether the event repeats: it is a series master whose occurrences are expanded in windows. */
    public boolean isSeries() {
        return !recurrence.isNone();
    }

    /**
     * The same event repeating as {@code newRecurrence} says, checked against its time; the series must be
     * expandable within the bounds ({@code event.recurrence.expansion_limit} otherwise).
     */
    public Event recurring(Recurrence newRecurrence, Instant now) {
        Event changed = new Event(id, calendarId, title, description, location, time, anchorZone, status, version,
                createdAt, later(now), newRecurrence);
        changed.seriesEnd();
        return changed;
    }

    private Event withRecurrence(Recurrence newRecurrence) {
        return new Event(id, calendarId, title, description, location, time, anchorZone, status, version,
                createdAt, updatedAt, newRecurrence);
    }

    /**
     * The end of the series' last occurrence on the time line, or empty for a series without end. For a single
     * event, the end of its slot. Walks a bounded series whole, so it is for writes, not for reads.
     */
    public Optional<Instant> seriesEnd() {
        if (!isSeries()) {
            return Optional.of(slot().end());
        }
        if (!recurrence.isBounded()) {
            return Optional.empty();
        }
        Occurrence last = null;
        for (var it = occurrences(Instant.MIN, Instant.MAX); it.hasNext(); ) {
            last = it.next();
        }
        return Optional.of(last == null ? slot().end() : last.slot().end());
    }

    /**
     * The occurrences of this series whose slots overlap {@code [from, to)}, in start order; a single event has
     * itself as its one occurrence. Each occurrence starts at an original start (RRULE, RDATE, DTSTART, less
     * EXDATE) placed on wall time in the start zone; it lasts as long as the master does (the same exact
     * duration for timed events, RFC 5545 §3.8.5.3; the same number of days for all-day events).
     */
    public java.util.Iterator<Occurrence> occurrences(Instant from, Instant to) {
        return new Occurrences(this, from, to);
    }

    private Instant later(Instant now) {
        requireNonNull(now, "now");
        return now.isBefore(updatedAt) ? updatedAt : now;
    }

    public static NotFoundException notFound(EventId id) {
        return new NotFoundException("event.not_found", "No event " + id + " in this calendar");
    }
}
