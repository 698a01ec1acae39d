package dev.almanac.domain.account;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;

/**
 * How often one account may be sent a verification mail: at most {@code perMinute} in any minute and
 * {@code perHour} in any hour, counting every token of the same purpose issued to it (the one issued at sign-up
 * too). The store counts under a lock on the account, so parallel requests are counted one after another.
 */
public record ResendLimit(int perMinute, int perHour) {
    /** One mail a minute, five an hour (docs/adr/0012). */
    public static final ResendLimit DEFAULT = new ResendLimit(1, 5);
    public static final Duration WINDOW = Duration.ofHours(1);

    public ResendLimit {
        if (perMinute < 1 || perHour < perMinute) {
            throw new IllegalArgumentException("limits must be positive and the hourly one not below the minute's");
        }
    }

    /** Whether one more mail may go out at {@code now}, given when the recent ones were issued. */
    public boolean allows(Collection<Instant> issuedWithinTheHour, Instant now) {
        requireNonNull(issuedWithinTheHour, "issuedWithinTheHour");
        Instant minuteAgo = now.minus(Duration.ofMinutes(1));
        Instant hourAgo = now.minus(WINDOW);
        long lastMinute = issuedWithinTheHour.stream().filter(t -> t.isAfter(minuteAgo)).count();
        long lastHour = issuedWithinTheHour.stream().filter(t -> t.isAfter(hourAgo)).count();
        return lastMinute < perMinute && lastHour < perHour;
    }
}
