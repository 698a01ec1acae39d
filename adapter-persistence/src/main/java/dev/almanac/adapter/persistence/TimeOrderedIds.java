package dev.almanac.adapter.persistence;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.IdGenerator;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.UUID;

/**
 * RFC 9562 version 7 UUIDs: 48 bits of Unix time in milliseconds, then randomness. Ids made later sort later,
 * so new rows land at the right-hand end of a b-tree index instead of on random pages.
 *
 * <p>Layout: {@code unix_ts_ms(48) | ver=0111(4) | rand_a(12) | var=10(2) | rand_b(62)}. Within one
 * millisecond, {@code rand_a} is a counter that starts at a random value in its lower half and counts up
 * (RFC 9562 §6.2, method 1), so the ids one generator hands out strictly increase even when the clock stands
 * still or steps back; when the counter runs out, the timestamp is moved on by one millisecond.
 */
public final class TimeOrderedIds implements IdGenerator {
    private static final long MAX_MILLIS = (1L << 48) - 1;
    private static final int COUNTER_MAX = 0xFFF;

    private final Clock clock;
    private final SecureRandom random;
    private long lastMillis = -1;
    private int counter;

    public TimeOrderedIds(Clock clock, SecureRandom random) {
        this.clock = requireNonNull(clock, "clock");
        this.random = requireNonNull(random, "random");
    }

    @Override
    public synchronized UUID next() {
        long now = clock.millis();
        if (now < 0 || now > MAX_MILLIS) {
            throw new IllegalStateException("clock is outside the range a UUIDv7 can hold: " + now);
        }
        if (now > lastMillis) {
            lastMillis = now;
            counter = random.nextInt(COUNTER_MAX / 2 + 1);
        } else if (counter < COUNTER_MAX) {
            counter++;
        } else {
            lastMillis++;
            counter = random.nextInt(COUNTER_MAX / 2 + 1);
        }
        long mostSignificant = (lastMillis << 16) | (0x7L << 12) | counter;
        long leastSignificant = (random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
        return new UUID(mostSignificant, leastSignificant);
    }
}
