package dev.almanac.application.port;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.LoginThrottle;
import java.time.Instant;
import java.util.function.Function;

/**
 * Where each account's failed sign-in count lives. Changes are serialised per account (the store locks the
 * account's row), so parallel attempts are counted one after the other and none is lost.
 */
public interface LoginThrottles {

    /**
     * Reads the account's throttle (clean at {@code now} when it has none), lets {@code decide} rule on the
     * attempt, stores the attempt's next state and returns the attempt, all in one transaction.
     */
    LoginThrottle.Attempt attempt(AccountId account, Instant now, Function<LoginThrottle, LoginThrottle.Attempt> decide);

    /** Starts the account's count over (after a successful sign-in). */
    void reset(AccountId account, Instant now);
}
