package dev.almanac.domain.shared;

/** The request is well formed and allowed, but clashes with the current state (a duplicate, a stale version). */
public non-sealed class ConflictException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ConflictException(String code, String message) {
        super(code, message);
    }
}
