package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;

/**
 * When an event happens: a timed span (two wall times, each with its own zone) or an all-day span of dates
 * with an exclusive end date, as in iCalendar. Both ends are of the same kind.
 *
 * <p>Invariants, always: start strictly before end, compared on resolved instants for timed spans (so a DST
 * gap cannot sneak an inverted span through) and on dates for all-day spans; and the span is at most
 * {@value #MAX_SPAN_DAYS} days (about five years).
 */
public record EventTime(TimePoint start, TimePoint end) {

    public static final long MAX_SPAN_DAYS = 1827;
    /** The earliest and latest years an event may touch, so derived instants stay in every database's range. */
    public static final int MIN_YEAR = 1;
    public static final int MAX_YEAR = 9998;

    public EventTime {
        requireNonNull(start, "start");
        requireNonNull(end, "end");
        checkYear(start, "start");
        checkYear(end, "end");
        if (start instanceof TimePoint.Wall s && end instanceof TimePoint.Wall e) {
            var from = s.zoned().toInstant();
            var to = e.zoned().toInstant();
            if (!from.isBefore(to)) {
                throw endNotAfterStart();
            }
            if (Duration.between(from, to).compareTo(Duration.ofDays(MAX_SPAN_DAYS)) > 0) {
                throw tooLong();
            }
        } else if (start instanceof TimePoint.Day s && end instanceof TimePoint.Day e) {
            if (!s.date().isBefore(e.date())) {
                throw endNotAfterStart();
            }
            if (ChronoUnit.DAYS.between(s.date(), e.date()) > MAX_SPAN_DAYS) {
                throw tooLong();
            }
        } else {
            throw new RuleViolationException("end", "event.time.mixed_kinds",
                    "start and end must both be timed ({dateTime, timeZone}) or both all-day ({date})");
        }
    }

    /** A timed span between two wall times. */
    public static EventTime timed(TimePoint.Wall start, TimePoint.Wall end) {
        return new EventTime(start, end);
    }

    /** An all-day span from {@code first} up to, not including, {@code endExclusive}. */
    public static EventTime allDay(LocalDate first, LocalDate endExclusive) {
        return new EventTime(new TimePoint.Day(first), new TimePoint.Day(endExclusive));
    }

    public boolean isAllDay() {
        return start instanceof TimePoint.Day;
    }

    /**
     * The span on the time line. Timed spans ignore {@code anchorZone}; all-day spans run from the start of the
     * first day to the start of the end day in {@code anchorZone} (the calendar's zone).
     */
    public TimeSlot slotIn(ZoneId anchorZone) {
        requireNonNull(anchorZone, "anchorZone");
        var from = start.resolve(anchorZone);
        var to = end.resolve(anchorZone);
        if (start instanceof TimePoint.Day s && end instanceof TimePoint.Day e && !from.isBefore(to)) {
            // Every date of the span was skipped by the zone (Pacific/Kiritimati has no 1994-12-31, Pacific/Apia
            // no 2011-12-30): both midnights resolve to the same instant. Keep the span's nominal length.
            to = from.plus(Duration.ofDays(ChronoUnit.DAYS.between(s.date(), e.date())));
        }
        return new TimeSlot(from, to);
    }

    /** The same span with a new start, checked again. */
    public EventTime withStart(TimePoint newStart) {
        return new EventTime(newStart, end);
    }

    /** The same span with a new end, checked again. */
    public EventTime withEnd(TimePoint newEnd) {
        return new EventTime(start, newEnd);
    }

    private static void checkYear(TimePoint point, String field) {
        int year = point instanceof TimePoint.Wall w ? w.dateTime().getYear() : ((TimePoint.Day) point).date().getYear();
        if (year < MIN_YEAR || year > MAX_YEAR) {
            throw new RuleViolationException(field, "event.time.out_of_range",
                    field + " must lie between the years " + MIN_YEAR + " and " + MAX_YEAR);
        }
    }

    private static RuleViolationException endNotAfterStart() {
        return new RuleViolationException("end", "event.time.end_not_after_start", "end must be after start");
    }

    private static RuleViolationException tooLong() {
        return new RuleViolationException("end", "event.time.span_too_long",
                "an event may span at most " + MAX_SPAN_DAYS + " days (five years)");
    }

}
