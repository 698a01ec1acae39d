package dev.almanac.application.account;

import dev.almanac.application.account.SignInUseCase.SignedIn;
import dev.almanac.domain.security.RequestContext;

/** Exchanges a refresh token for a new access token and the next refresh token (rotation on every use). */
public interface RefreshSessionUseCase {

    /**
     * @throws dev.almanac.domain.shared.AuthenticationException {@code auth.refresh_token_invalid} for an unknown,
     *         malformed, expired or revoked token, and for one already exchanged (whose whole family is then revoked)
     */
    SignedIn refresh(String refreshToken, RequestContext context);
}
