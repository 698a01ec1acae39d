package dev.almanac.domain.shared;

import static java.util.Objects.requireNonNull;

/**
 * One broken rule about one field of the input.
 *
 * @param field   the input field the rule is about, in the client's vocabulary ({@code title}, {@code end});
 *                empty when the rule concerns the input as a whole
 * @param code    the stable code of the rule, e.g. {@code event.title.too_long}
 * @param message a sentence a person can act on
 */
public record Violation(String field, String code, String message) {
    public Violation {
        requireNonNull(field, "field");
        requireNonNull(code, "code");
        requireNonNull(message, "message");
    }
}
