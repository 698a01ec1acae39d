package dev.almanac.bootstrap;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The system clock in UTC, truncated to microseconds, the precision PostgreSQL keeps: what a create returns then
 * equals what a later read returns. (JDK 17's {@code Clock.tick} with a sub-millisecond tick divides by zero in
 * {@code millis()}, so this is written out.)
 */
final class MicrosecondClock extends Clock {
    private final Clock system = Clock.systemUTC();

    @Override
    public Instant instant() {
        return system.instant().truncatedTo(ChronoUnit.MICROS);
    }

    @Override
    public long millis() {
        return system.millis();
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        if (!ZoneOffset.UTC.equals(zone)) {
            throw new UnsupportedOperationException("Almanac's clock is always UTC");
        }
        return this;
    }
}
