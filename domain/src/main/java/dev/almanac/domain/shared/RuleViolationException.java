package dev.almanac.domain.shared;

import java.util.List;

/**
 * The input breaks one or more business rules: a title too long, an unknown time zone, an end not after its
 * start, an illegal status move. It carries every {@link Violation} found, each naming its field.
 */
public non-sealed class RuleViolationException extends DomainException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public RuleViolationException(Violation violation) {
        this(violation.code(), violation.message(), List.of(violation));
    }

    public RuleViolationException(String field, String code, String message) {
        this(new Violation(field, code, message));
    }

    public RuleViolationException(String code, String message, List<Violation> violations) {
        super(code, message);
        this.violations = List.copyOf(violations);
    }

    /** Every rule broken, never empty for a field-level failure. */
    public List<Violation> violations() {
        return violations;
    }

    /** Re-labels the field of every violation, e.g. {@code time.start} becomes {@code start}. */
    public RuleViolationException atField(String field) {
        return new RuleViolationException(code(), getMessage(),
                violations.stream().map(v -> new Violation(field, v.code(), v.message())).toList());
    }
}
