package dev.almanac.domain.shared;

import static java.util.Objects.requireNonNull;

/**
 * The root of every business failure Almanac reports.
 *
 * <p>Each failure has a stable machine {@link #code()} such as {@code event.time.end_not_after_start}: clients
 * may switch on it, so a code never changes meaning once released. The subclass says what kind of failure it
 * is (not found, conflict, rule violated, forbidden, unauthenticated); adapters map that kind, never the code,
 * to a transport status in one place.
 */
public abstract sealed class DomainException extends RuntimeException
        permits NotFoundException, ConflictException, RuleViolationException, ForbiddenException,
                AuthenticationException {

    private static final long serialVersionUID = 1L;

    private final String code;

    protected DomainException(String code, String message) {
        super(requireNonNull(message, "message"), null, false, false);
        this.code = requireNonNull(code, "code");
    }

    /** The stable machine-readable code, dot separated, lower case, e.g. {@code calendar.not_found}. */
    public String code() {
        return code;
    }
}
