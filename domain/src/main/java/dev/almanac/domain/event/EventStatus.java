package dev.almanac.domain.event;

import dev.almanac.domain.shared.RuleViolationException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * An event's status, and the moves between statuses. Tentative and confirmed switch freely; either may be
 * cancelled; a cancelled event stays cancelled (schedule a new one instead).
 *
 * <pre>
 *   TENTATIVE &lt;--&gt; CONFIRMED
 *        \            /
 *         +-&gt; CANCELLED (terminal)
 * </pre>
 *
 * Moving to the state one is already in is a no-op, so a repeated request is harmless.
 */
public enum EventStatus {
    TENTATIVE, CONFIRMED, CANCELLED;

    private static final Map<EventStatus, Set<EventStatus>> NEXT = Map.of(
            TENTATIVE, EnumSet.of(CONFIRMED, CANCELLED),
            CONFIRMED, EnumSet.of(TENTATIVE, CANCELLED),
            CANCELLED, EnumSet.noneOf(EventStatus.class));

    /** Whether a move from this status to {@code target} is allowed (staying put always is). */
    public boolean canMoveTo(EventStatus target) {
        return this == target || NEXT.get(this).contains(target);
    }

    /**
     * Moves to {@code target}.
     *
     * @throws RuleViolationException {@code event.status.illegal_transition}, naming both states
     */
    public EventStatus moveTo(EventStatus target) {
        if (!canMoveTo(target)) {
            throw new RuleViolationException("status", "event.status.illegal_transition",
                    "An event cannot move from " + this + " to " + target
                            + (this == CANCELLED ? " (a cancelled event stays cancelled)" : ""));
        }
        return target;
    }
}
