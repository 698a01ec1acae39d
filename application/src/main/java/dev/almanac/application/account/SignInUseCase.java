package dev.almanac.application.account;

import dev.almanac.application.port.AccessTokens.IssuedToken;
import dev.almanac.domain.account.AccountId;

/** Authenticates and hands out an access token. */
public interface SignInUseCase {

    /** @throws dev.almanac.domain.shared.AuthenticationException {@code auth.invalid_credentials} */
    SignedIn signIn(AuthenticateUseCase.Command command);

    record SignedIn(AccountId account, IssuedToken accessToken) {
    }
}
