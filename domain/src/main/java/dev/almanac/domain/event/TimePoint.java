package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * One end of an event: either a wall-clock time in an IANA zone, or a calendar date (for all-day events).
 */
public sealed interface TimePoint {

    /** The point on the time line; dates are anchored at the start of the day in {@code anchorZone}. */
    Instant resolve(ZoneId anchorZone);

    /**
     * A local date and time as a clock on the wall in {@code zone} shows it.
     *
     * <p>Resolution follows RFC 5545 §3.3.5: a time that falls in a DST gap (02:30 on a spring-forward night
     * in New York) is shifted forward by the length of the gap (03:30 EDT); a time that occurs twice (01:30 on
     * a fall-back night) means the first occurrence, at the earlier offset.
     */
    record Wall(LocalDateTime dateTime, ZoneId zone) implements TimePoint {
        public Wall {
            requireNonNull(dateTime, "dateTime");
            requireNonNull(zone, "zone");
            if (dateTime.getNano() % 1_000 != 0) {
                throw new RuleViolationException("dateTime", "event.time.too_precise",
                        "a wall time may have at most microsecond precision (6 fractional digits)");
            }
        }

        @Override
        public Instant resolve(ZoneId anchorZone) {
            return zoned().toInstant();
        }

        /** The resolved zoned time: gap shifted forward, overlap at the earlier offset. */
        public ZonedDateTime zoned() {
            // ZonedDateTime.ofLocal with no preferred offset implements exactly the RFC 5545 rules.
            return ZonedDateTime.ofLocal(dateTime, zone, null);
        }
    }

    /** A calendar date with no time and no zone, as an all-day event has. */
    record Day(LocalDate date) implements TimePoint {
        public Day {
            requireNonNull(date, "date");
        }

        @Override
        public Instant resolve(ZoneId anchorZone) {
            return date.atStartOfDay(anchorZone).toInstant();
        }
    }
}
