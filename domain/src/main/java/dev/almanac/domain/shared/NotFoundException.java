package dev.almanac.domain.shared;

/**
 * The thing asked for does not exist, or the actor may not know that it exists. Both cases look the same from
 * outside so that identifiers leak nothing.
 */
public non-sealed class NotFoundException extends DomainException {
    private static final long serialVersionUID = 1L;

    public NotFoundException(String code, String message) {
        super(code, message);
    }
}
