package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;

/**
 * A half-open span of absolute time {@code [start, end)}, start strictly before end.
 *
 * <p>Events keep their wall time and zone as the truth; a slot is what that wall time means on the time line,
 * used to compare, order and query events.
 */
public record TimeSlot(Instant start, Instant end) {
    public TimeSlot {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        if (!start.isBefore(end)) {
            throw new RuleViolationException("end", "event.time.end_not_after_start",
                    "end (" + end + ") must be after start (" + start + ")");
        }
    }

    /** Whether the two slots share at least one instant. Touching slots ({@code a.end == b.start}) do not. */
    public boolean overlaps(TimeSlot other) {
        return start.isBefore(other.end) && other.start.isBefore(end);
    }

    public Duration duration() {
        return Duration.between(start, end);
    }
}
