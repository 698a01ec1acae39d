package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

/**
 * One occurrence of a series: the series it belongs to, the start it has by the series' rules (iCalendar's
 * {@code RECURRENCE-ID}, stable under edits of other occurrences) and its time.
 */
public record Occurrence(Event series, TimePoint originalStart, EventTime time) {
    public Occurrence {
        requireNonNull(series, "series");
        requireNonNull(originalStart, "originalStart");
        requireNonNull(time, "time");
    }

    public OccurrenceId id() {
        return new OccurrenceId(series.id(), originalStart);
    }

    public TimeSlot slot() {
        return time.slotIn(series.anchorZone());
    }

    /** This occurrence as an event of its own (the series' id, title and status; its own time). */
    public Event asEvent() {
        return Event.rehydrate(series.id(), series.calendarId(), series.title(), series.description(),
                series.location(), time, series.status(), series.version(), series.createdAt(), series.updatedAt(),
                series.anchorZone());
    }
}
