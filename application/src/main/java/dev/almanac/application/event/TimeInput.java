package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.event.TimePoint;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.TimeZones;
import java.time.LocalDate;
import java.time.LocalDateTime;

/** One end of an event as a client gives it: a wall time with a zone name, or a date. */
public sealed interface TimeInput {

    /** Resolves the zone name; {@code field} ({@code start} or {@code end}) labels any violation. */
    TimePoint toPoint(String field);

    record Wall(LocalDateTime dateTime, String timeZone) implements TimeInput {
        public Wall {
            requireNonNull(dateTime, "dateTime");
            requireNonNull(timeZone, "timeZone");
        }

        @Override
        public TimePoint toPoint(String field) {
            var zone = TimeZones.iana(timeZone, field + ".timeZone", "event.time.zone");
            try {
                return new TimePoint.Wall(dateTime, zone);
            } catch (RuleViolationException e) {
                throw e.atField(field + ".dateTime");
            }
        }
    }

    record Day(LocalDate date) implements TimeInput {
        public Day {
            requireNonNull(date, "date");
        }

        @Override
        public TimePoint toPoint(String field) {
            return new TimePoint.Day(date);
        }
    }
}
