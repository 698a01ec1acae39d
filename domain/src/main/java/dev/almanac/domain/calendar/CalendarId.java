package dev.almanac.domain.calendar;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** Identifies a calendar. */
public record CalendarId(UUID value) {
    public CalendarId {
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
