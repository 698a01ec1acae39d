package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** Identifies an event. */
public record EventId(UUID value) {
    public EventId {
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
