package dev.almanac.domain.recurrence;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The inclusive end of a rule ({@code UNTIL}): an instant in UTC ({@code 20261231T235959Z}), a date
 * ({@code 20261231}) or, leniently, a floating date-time read in the event's own zone.
 */
public sealed interface Until {

    /**
     * Whether an instance at wall time {@code candidate} lies beyond the end. {@code zone} is the event's zone,
     * empty for all-day series: a UTC end then counts by its UTC date, as Google writes it.
     */
    boolean isBefore(LocalDateTime candidate, Optional<ZoneId> zone);

    String format();

    record AtInstant(Instant instant) implements Until {
        public AtInstant {
            requireNonNull(instant, "instant");
        }

        @Override
        public boolean isBefore(LocalDateTime candidate, Optional<ZoneId> zone) {
            if (zone.isEmpty()) {
                return candidate.toLocalDate().isAfter(instant.atZone(ZoneOffset.UTC).toLocalDate());
            }
            return ZonedDateTime.ofLocal(candidate, zone.get(), null).toInstant().isAfter(instant);
        }

        @Override
        public String format() {
            return RuleText.BASIC_DATE_TIME.format(instant.atZone(ZoneOffset.UTC).toLocalDateTime()) + "Z";
        }
    }

    record OnDate(LocalDate date) implements Until {
        public OnDate {
            requireNonNull(date, "date");
        }

        @Override
        public boolean isBefore(LocalDateTime candidate, Optional<ZoneId> zone) {
            return candidate.toLocalDate().isAfter(date);
        }

        @Override
        public String format() {
            return RuleText.BASIC_DATE.format(date);
        }
    }

    record AtLocal(LocalDateTime dateTime) implements Until {
        public AtLocal {
            requireNonNull(dateTime, "dateTime");
        }

        @Override
        public boolean isBefore(LocalDateTime candidate, Optional<ZoneId> zone) {
            return candidate.isAfter(dateTime);
        }

        @Override
        public String format() {
            return RuleText.BASIC_DATE_TIME.format(dateTime);
        }
    }
}
