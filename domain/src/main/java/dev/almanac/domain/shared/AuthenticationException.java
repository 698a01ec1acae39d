package dev.almanac.domain.shared;

/** The caller could not be identified: bad credentials, or a missing, malformed or expired token. */
public non-sealed class AuthenticationException extends DomainException {
    private static final long serialVersionUID = 1L;

    public AuthenticationException(String code, String message) {
        super(code, message);
    }
}
