package dev.almanac.application.port;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Issues and verifies the short-lived bearer tokens that identify an account on each request. */
public interface AccessTokens {

    /** A signed token for {@code account}, valid from {@code now} for this issuer's lifetime. */
    IssuedToken issue(AccountId account, Instant now);

    /** The account a token speaks for, or empty when it is malformed, forged, expired or not yet valid. */
    Optional<AccountId> verify(String token, Instant now);

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
