package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

/**
 * One occurrence of a series changed on its own (iCalendar's {@code RECURRENCE-ID} component): identified by
 * its original start, it holds the whole state the occurrence shows instead of the series' (title, description,
 * location, time, status). A cancelled occurrence ({@code status = CANCELLED}) is still listed, as CANCELLED.
 *
 * @param originalStart the start the series' rules give the occurrence, in the series' start zone
 */
public record OccurrenceOverride(TimePoint originalStart, String title, String description, String location,
                                 EventTime time, EventStatus status) {
    public OccurrenceOverride {
        requireNonNull(originalStart, "originalStart");
        requireNonNull(time, "time");
        requireNonNull(status, "status");
        title = Event.checkTitle(title);
        description = Event.checkDescription(description);
        location = Event.checkLocation(location);
    }

    /** The same override, now belonging to the occurrence that starts at {@code newOriginalStart}. */
    public OccurrenceOverride at(TimePoint newOriginalStart, EventTime newTime) {
        return new OccurrenceOverride(newOriginalStart, title, description, location, newTime, status);
    }

    /** The original start as the occurrence id writes it ({@code 20260907T090000} or {@code 20260907}). */
    public String key() {
        return OccurrenceId.key(originalStart);
    }
}
