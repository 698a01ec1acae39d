package dev.almanac.application.fakes;

import dev.almanac.application.port.LoginThrottles;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.LoginThrottle;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/** {@link LoginThrottles} in memory; one lock serialises every change, as the row lock does in PostgreSQL. */
public final class InMemoryLoginThrottles implements LoginThrottles {
    private final Map<AccountId, LoginThrottle> throttles = new HashMap<>();

    @Override
    public synchronized LoginThrottle.Attempt attempt(AccountId account, Instant now,
                                                      Function<LoginThrottle, LoginThrottle.Attempt> decide) {
        LoginThrottle.Attempt attempt = decide.apply(throttles.getOrDefault(account, LoginThrottle.clean(now)));
        throttles.put(account, attempt.next());
        return attempt;
    }

    @Override
    public synchronized void reset(AccountId account, Instant now) {
        throttles.put(account, LoginThrottle.clean(now));
    }
}
