package dev.almanac.application.shared;

import dev.almanac.domain.shared.RuleViolationException;
import java.util.OptionalInt;

/** How many items a page may hold: 1..500, 100 when the client does not say. */
public record PageLimit(int value) {
    public static final int MIN = 1;
    public static final int MAX = 500;
    public static final int DEFAULT = 100;

    public PageLimit {
        if (value < MIN || value > MAX) {
            throw new RuleViolationException("limit", "page.limit.out_of_range",
                    "limit must be between " + MIN + " and " + MAX);
        }
    }

    public static PageLimit of(OptionalInt requested) {
        return new PageLimit(requested.orElse(DEFAULT));
    }
}
