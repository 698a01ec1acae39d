package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * One occurrence of a series: the series it belongs to, the start it has by the series' rules (iCalendar's
 * {@code RECURRENCE-ID}, stable under edits of other occurrences), its time and, when it was changed on its own,
 * its override (whose title, description, location, status and time it then shows).
 */
public record Occurrence(Event series, TimePoint originalStart, EventTime time,
                         Optional<OccurrenceOverride> override) {
    public Occurrence {
        requireNonNull(series, "series");
        requireNonNull(originalStart, "originalStart");
        requireNonNull(time, "time");
        requireNonNull(override, "override");
    }

    /** An occurrence as the series' rules give it, not changed on its own. */
    public Occurrence(Event series, TimePoint originalStart, EventTime time) {
        this(series, originalStart, time, Optional.empty());
    }

    /** The same occurrence showing {@code changed}. */
    public Occurrence overriddenBy(OccurrenceOverride changed) {
        return new Occurrence(series, originalStart, changed.time(), Optional.of(changed));
    }

    public OccurrenceId id() {
        return new OccurrenceId(series.id(), originalStart);
    }

    public TimeSlot slot() {
        return time.slotIn(series.anchorZone());
    }

    public String title() {
        return override.map(OccurrenceOverride::title).orElse(series.title());
    }

    public String description() {
        return override.map(OccurrenceOverride::description).orElse(series.description());
    }

    public String location() {
        return override.map(OccurrenceOverride::location).orElse(series.location());
    }

    public EventStatus status() {
        return override.map(OccurrenceOverride::status).orElse(series.status());
    }

    /** What this occurrence shows, as an override (the same values when it has none yet). */
    public OccurrenceOverride asOverride() {
        return override.orElseGet(() -> new OccurrenceOverride(originalStart, series.title(), series.description(),
                series.location(), time, series.status()));
    }

    /** This occurrence as an event of its own (the series' id; its own title, status and time). */
    public Event asEvent() {
        return Event.rehydrate(series.id(), series.calendarId(), title(), description(), location(), time, status(),
                series.version(), series.createdAt(), series.updatedAt(), series.anchorZone());
    }
}
