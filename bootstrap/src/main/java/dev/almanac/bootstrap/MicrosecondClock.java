package dev.almanac.bootstrap;

import static java.util.Objects.requireNonNull;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * A clock whose instants are whole microseconds, as PostgreSQL keeps them, so what a create returns equals what a
 * read returns. Not {@code Clock.tick(clock, 1 µs)}: on JDK 17 that clock's {@code millis()} divides by zero
 * (its tick in whole milliseconds is 0), and the id generator reads {@code millis()}.
 */
final class MicrosecondClock extends Clock {
    private final Clock base;

    MicrosecondClock(Clock base) {
        this.base = requireNonNull(base, "base");
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return new MicrosecondClock(base.withZone(zone));
    }

    @Override
    public Instant instant() {
        return base.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return base.millis();
    }
}
