package dev.almanac.domain.shared;

/**
 * The actor can see the resource but may not do this to it. Adapters must only raise this where the actor
 * already knows the resource exists; otherwise {@link NotFoundException} is the answer.
 */
public non-sealed class ForbiddenException extends DomainException {
    private static final long serialVersionUID = 1L;

    public ForbiddenException(String code, String message) {
        super(code, message);
    }
}
