package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.LoginThrottles;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.LoginThrottle;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link LoginThrottles} on PostgreSQL: the row is created if missing, then locked ({@code for update}) for the
 * decision, so parallel attempts on one account are counted strictly one after another.
 */
final class JdbiLoginThrottles implements LoginThrottles {
    private final Jdbi jdbi;

    JdbiLoginThrottles(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public LoginThrottle.Attempt attempt(AccountId account, Instant now,
                                         Function<LoginThrottle, LoginThrottle.Attempt> decide) {
        return jdbi.inTransaction(handle -> {
            handle.createUpdate("""
                            insert into login_throttles (account_id, failures, window_start)
                            values (:account, 0, :now)
                            on conflict (account_id) do nothing
                            """)
                    .bind("account", account.value()).bind("now", utc(now)).execute();
            LoginThrottle current = handle.createQuery("""
                            select failures, window_start, locked_until from login_throttles
                             where account_id = :account for update
                            """)
                    .bind("account", account.value())
                    .map((rs, ctx) -> {
                        OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
                        return new LoginThrottle(rs.getInt("failures"), SqlValues.instant(rs, "window_start"),
                                Optional.ofNullable(locked).map(OffsetDateTime::toInstant));
                    })
                    .one();
            LoginThrottle.Attempt attempt = decide.apply(current);
            save(handle, account, attempt.next());
            return attempt;
        });
    }

    @Override
    public void reset(AccountId account, Instant now) {
        jdbi.useHandle(handle -> save(handle, account, LoginThrottle.clean(now)));
    }

    private static void save(Handle handle, AccountId account, LoginThrottle throttle) {
        handle.createUpdate("""
                        update login_throttles
                           set failures = :failures, window_start = :windowStart, locked_until = :lockedUntil
                         where account_id = :account
                        """)
                .bind("account", account.value())
                .bind("failures", throttle.failures())
                .bind("windowStart", utc(throttle.windowStart()))
                .bind("lockedUntil", throttle.lockedUntil().map(SqlValues::utc).orElse(null))
                .execute();
    }
}
