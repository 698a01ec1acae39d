package dev.almanac.application.port;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Issues and verifies the short-lived bearer tokens that identify an account on each request. A token is bound
 * to the session (sign-in) it was issued for, so that ending the session can end the token too (ADR 0015): the
 * signature says who and which session, the session store says whether that session still lives.
 */
public interface AccessTokens {

    /** A signed token for {@code subject}, valid from {@code now} for this issuer's lifetime. */
    IssuedToken issue(Subject subject, Instant now);

    /**
     * The account and session a token speaks for, or empty when it is malformed, forged, expired or not yet valid.
     * Whether the session is still alive is not the token's to say; callers ask the session store.
     */
    Optional<Subject> verify(String token, Instant now);

    /** Who a token speaks for: an account, within one of its sessions. */
    record Subject(AccountId account, SessionId session) {
        public Subject {
            requireNonNull(account, "account");
            requireNonNull(session, "session");
        }
    }

    /** A token and how long it lives. Its {@link #toString()} hides the token. */
    record IssuedToken(String token, Duration lifetime) {
        public IssuedToken {
            requireNonNull(token, "token");
            requireNonNull(lifetime, "lifetime");
        }

        @Override
        public String toString() {
            return "IssuedToken[redacted, lifetime=" + lifetime + "]";
        }
    }
}
