package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccessTokens.IssuedToken;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.SessionId;

/** Authenticates and starts a session: a short-lived access token plus the session's first refresh token. */
public interface SignInUseCase {

    /** @throws dev.almanac.domain.shared.AuthenticationException {@code auth.invalid_credentials} */
    SignedIn signIn(AuthenticateUseCase.Command command, RequestContext context);

    /**
     * A signed-in session's credentials.
     *
     * @param refreshToken the opaque refresh token; shown to the client once, stored only as a hash
     */
    record SignedIn(AccountId account, SessionId session, IssuedToken accessToken, String refreshToken) {
        public SignedIn {
            requireNonNull(account, "account");
            requireNonNull(session, "session");
            requireNonNull(accessToken, "accessToken");
            requireNonNull(refreshToken, "refreshToken");
        }

        @Override
        public String toString() {
            return "SignedIn[account=" + account + ", session=" + session + ", tokens=redacted]";
        }
    }
}
