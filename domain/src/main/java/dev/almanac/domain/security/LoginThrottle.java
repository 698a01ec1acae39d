package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * Per-account brute-force protection (OWASP ASVS 2.2.1): at most {@value #THRESHOLD} password checks that fail in
 * a {@link #WINDOW} window, then the account is locked for {@link #LOCK}. A check is <em>counted before</em> the
 * password is verified, so that parallel attempts cannot all slip through before the first failure is recorded:
 * however many arrive at once, at most {@value #THRESHOLD} are verified. A success resets the count.
 *
 * <p>With these numbers an attacker gets at most 10 guesses per 15 minutes, about 40 an hour, under the
 * 100-an-hour ceiling of ASVS 2.2.1.
 */
public record LoginThrottle(int failures, Instant windowStart, Optional<Instant> lockedUntil) {
    public static final int THRESHOLD = 10;
    public static final Duration WINDOW = Duration.ofMinutes(15);
    public static final Duration LOCK = Duration.ofMinutes(15);

    public LoginThrottle {
        requireNonNull(windowStart, "windowStart");
        requireNonNull(lockedUntil, "lockedUntil");
        if (failures < 0) {
            throw new IllegalArgumentException("failures must not be negative");
        }
    }

    /** An account nobody has failed to sign in to. */
    public static LoginThrottle clean(Instant now) {
        return new LoginThrottle(0, now, Optional.empty());
    }

    public boolean isLocked(Instant now) {
        return lockedUntil.filter(now::isBefore).isPresent();
    }

    /** The decision on one sign-in attempt and the throttle's state afterwards. */
    public record Attempt(boolean allowed, LoginThrottle next, boolean lockedNow) {
    }

    /**
     * Asks to check a password now: refused while locked or when the window's budget is spent (which locks);
     * otherwise allowed and counted as a failure until {@link #succeeded} says otherwise.
     */
    public Attempt begin(Instant now) {
        requireNonNull(now, "now");
        if (isLocked(now)) {
            return new Attempt(false, this, false);
        }
        LoginThrottle current = now.isBefore(windowStart.plus(WINDOW)) && lockedUntil.isEmpty()
                ? this : clean(now);
        if (current.failures >= THRESHOLD) {
            return new Attempt(false, new LoginThrottle(current.failures, current.windowStart,
                    Optional.of(now.plus(LOCK))), true);
        }
        int counted = current.failures + 1;
        Optional<Instant> lock = counted >= THRESHOLD ? Optional.of(now.plus(LOCK)) : Optional.empty();
        return new Attempt(true, new LoginThrottle(counted, current.windowStart, lock), lock.isPresent());
    }

    /** The password was right: the count starts over. */
    public LoginThrottle succeeded(Instant now) {
        return clean(now);
    }
}
