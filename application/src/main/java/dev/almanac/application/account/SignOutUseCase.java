package dev.almanac.application.account;

import dev.almanac.domain.security.RequestContext;

/** Ends the session a refresh token belongs to (its whole family). */
public interface SignOutUseCase {

    /** Revokes the token's session; an unknown or already revoked token is not an error (sign-out is idempotent). */
    void signOut(String refreshToken, RequestContext context);
}
