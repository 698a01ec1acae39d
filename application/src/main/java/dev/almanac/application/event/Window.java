package dev.almanac.application.event;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.Instant;

/** The bounds a listing window may have: instants between the years 1 and 9999, as events can hold. */
final class Window {
    static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999Z");

    private Window() {
    }

    static Instant bound(Instant value, String field) {
        if (value.isBefore(EARLIEST) || value.isAfter(LATEST)) {
            throw new RuleViolationException(field, "window.out_of_range",
                    field + " must lie between " + EARLIEST + " and " + LATEST);
        }
        return value;
    }
}
