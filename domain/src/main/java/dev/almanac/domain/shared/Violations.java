package dev.almanac.domain.shared;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Gathers every broken rule of one input before failing, so a client learns about all its mistakes at once
 * instead of one per round trip.
 *
 * <pre>{@code
 * var violations = new Violations();
 * String name = violations.check(() -> Text.label(raw, 200, "name", "calendar.name"));
 * ZoneId zone = violations.check(() -> TimeZones.iana(rawZone, "timeZone", "calendar.time_zone"));
 * violations.throwIfAny("The calendar cannot be saved as given");
 * }</pre>
 */
public final class Violations {
    private final List<Violation> found = new ArrayList<>();

    /** Runs one check; its result, or {@code null} (after recording why) when it broke a rule. */
    public <T> T check(Supplier<T> check) {
        try {
            return check.get();
        } catch (RuleViolationException e) {
            found.addAll(e.violations());
            return null;
        }
    }

    public boolean isEmpty() {
        return found.isEmpty();
    }

    /**
     * Fails with every violation gathered; the exception's code is the first violation's, so a single mistake
     * reads exactly as if it had been thrown on its own.
     */
    public void throwIfAny(String message) {
        if (found.size() == 1) {
            throw new RuleViolationException(found.get(0));
        }
        if (!found.isEmpty()) {
            throw new RuleViolationException(found.get(0).code(), message, found);
        }
    }
}
