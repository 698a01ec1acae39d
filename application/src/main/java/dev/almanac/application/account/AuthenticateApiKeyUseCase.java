package dev.almanac.application.account;

import dev.almanac.domain.apikey.ApiKey;

/** Tells which key, and so which account, presents an API key. */
public interface AuthenticateApiKeyUseCase {

    /**
     * The active key the presented text is, its use recorded (at most once a minute).
     *
     * @throws dev.almanac.domain.shared.AuthenticationException {@code auth.api_key_invalid} for anything that is
     *         not an active key of an account that may act: malformed, unknown, revoked, expired, or its account
     *         gone; one answer for all, so it tells a guesser nothing
     */
    ApiKey authenticate(String presented);
}
