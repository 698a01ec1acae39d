package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import java.util.Optional;

/**
 * A partial change to an event: each present part replaces the current one, each empty part is left alone.
 * An empty description or location clears it; the title cannot be cleared.
 */
public record EventChanges(Optional<String> title, Optional<String> description, Optional<String> location,
                           Optional<TimePoint> start, Optional<TimePoint> end, Optional<EventStatus> status) {
    public EventChanges {
        requireNonNull(title, "title");
        requireNonNull(description, "description");
        requireNonNull(location, "location");
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        requireNonNull(status, "status");
    }

    /** A change that changes nothing. */
    public static EventChanges none() {
        return new EventChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    public boolean isEmpty() {
        return title.isEmpty() && description.isEmpty() && location.isEmpty() && start.isEmpty() && end.isEmpty()
                && status.isEmpty();
    }
}
