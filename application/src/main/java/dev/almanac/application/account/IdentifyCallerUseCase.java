package dev.almanac.application.account;

import dev.almanac.domain.account.AccountId;

/** Tells who presents a bearer token. */
public interface IdentifyCallerUseCase {

    /**
     * @throws dev.almanac.domain.shared.AuthenticationException {@code auth.token_invalid} for a malformed, forged,
     *                                                           expired token, or one whose account is gone
     */
    AccountId identify(String bearerToken);
}
