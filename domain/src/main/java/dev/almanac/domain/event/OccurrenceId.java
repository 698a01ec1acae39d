package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.NotFoundException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Identifies one occurrence of a series: the series id and the occurrence's original start, as Google's API
 * does. On the wire {@code <series uuid>_<yyyyMMdd'T'HHmmss>} (wall time in the series' start zone) or
 * {@code <series uuid>_<yyyyMMdd>} for all-day series; stable whatever happens to other occurrences.
 */
public record OccurrenceId(EventId seriesId, TimePoint originalStart) {
    private static final Pattern TEXT = Pattern.compile(
            "([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})_([0-9]{8})(T[0-9]{6})?");
    private static final DateTimeFormatter DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withResolverStyle(ResolverStyle.STRICT);

    public OccurrenceId {
        requireNonNull(seriesId, "seriesId");
        requireNonNull(originalStart, "originalStart");
    }

    @Override
    public String toString() {
        return seriesId + "_" + key(originalStart);
    }

    /** An original start as occurrence ids write it: {@code 20260907T090000} or {@code 20260907}. */
    public static String key(TimePoint originalStart) {
        if (originalStart instanceof TimePoint.Wall wall) {
            return DATE_TIME.format(wall.dateTime().withNano(0));
        }
        return DATE.format(((TimePoint.Day) originalStart).date());
    }

    /** The series id and the original start's text, when {@code text} has the occurrence id's form. */
    public static Optional<Parsed> parse(String text) {
        // Every event route asks this of its id first, and a plain event id has no underscore: no matcher for it.
        if (text == null || text.indexOf('_') < 0) {
            return Optional.empty();
        }
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            EventId series = new EventId(UUID.fromString(m.group(1)));
            if (m.group(3) == null) {
                return Optional.of(new Parsed(series, Optional.of(LocalDate.parse(m.group(2), DATE)), Optional.empty()));
            }
            return Optional.of(new Parsed(series, Optional.empty(),
                    Optional.of(LocalDateTime.parse(m.group(2) + m.group(3), DATE_TIME))));
        } catch (DateTimeParseException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** An occurrence id read from text, to be bound to its series' kind of time. */
    public record Parsed(EventId seriesId, Optional<LocalDate> date, Optional<LocalDateTime> dateTime) {
        /** The original start in the series' terms, or not found when the kinds differ. */
        public TimePoint originalStartIn(Event series) {
            if (series.time().start() instanceof TimePoint.Wall wall && dateTime.isPresent()) {
                ZoneId zone = wall.zone();
                return new TimePoint.Wall(dateTime.get(), zone);
            }
            if (series.time().start() instanceof TimePoint.Day && date.isPresent()) {
                return new TimePoint.Day(date.get());
            }
            throw notFound();
        }
    }

    public static NotFoundException notFound() {
        return new NotFoundException("event.occurrence.not_found", "The series has no occurrence with this id");
    }
}
