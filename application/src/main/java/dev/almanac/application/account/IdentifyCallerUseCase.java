package dev.almanac.application.account;

import dev.almanac.application.port.AccessTokens.Subject;

/** Tells who presents a bearer token, and within which session. */
public interface IdentifyCallerUseCase {

    /**
     * @throws dev.almanac.domain.shared.AuthenticationException {@code auth.token_invalid} for a malformed, forged,
     *                                                           expired token, or one whose session has ended
     *                                                           (revoked, expired, or gone with its account)
     */
    Subject identify(String bearerToken);
}
