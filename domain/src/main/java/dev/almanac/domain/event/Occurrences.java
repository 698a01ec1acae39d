package dev.almanac.domain.event;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Iterator;
import java.util.NoSuchElementException;

/** Walks a series' occurrences that overlap a window, in start order. */
final class Occurrences implements Iterator<Occurrence> {
    private final Event series;
    private final Instant from;
    private final Instant to;
    private final Instant latestStart;
    private final Instant stopAfter;
    /** The start zone of a timed series; null for an all-day one. */
    private final ZoneId wallZone;
    private final Iterator<LocalDateTime> starts;
    private final LocalDateTime notBefore;
    private final Duration length;
    private final long days;
    private Occurrence next;
    private boolean finished;

    Occurrences(Event series, Instant from, Instant to) {
        this(series, from, to, Instant.MAX);
    }

    /**
     * As the walk over {@code [from, to)}, ending after the last occurrence that starts no later than
     * {@code latestStart} (a caller holding a full page need not build the rest).
     */
    Occurrences(Event series, Instant from, Instant to, Instant latestStart) {
        this.series = series;
        this.from = from;
        this.to = to;
        this.latestStart = latestStart;
        // Starts come in wall-clock order, which the time line follows except after a DST gap: a wall time in
        // the gap moves forward by the gap's length (up to a day, Pacific/Apia 2011), so a later wall time may
        // start earlier. The walk ends only a gap's length past the window or the page.
        Instant bound = latestStart.isBefore(to) ? latestStart : to;
        this.stopAfter = bound.isAfter(Instant.MAX.minus(GAP_SLACK)) ? Instant.MAX : bound.plus(GAP_SLACK);
        this.wallZone = series.time().start() instanceof TimePoint.Wall w ? w.zone() : null;
        EventTime time = series.time();
        this.length = series.slot().duration();
        this.days = time.isAllDay() ? ChronoUnit.DAYS.between(((TimePoint.Day) time.start()).date(),
                ((TimePoint.Day) time.end()).date()) : 0;
        ZoneId zone = wallZone != null ? wallZone : series.anchorZone();
        this.notBefore = from.equals(Instant.MIN) ? LocalDateTime.MIN
                : LocalDateTime.ofInstant(from.minus(length).minus(Duration.ofDays(2)).isBefore(MIN) ? MIN
                : from.minus(length).minus(Duration.ofDays(2)), zone);
        this.starts = series.recurrence().isNone()
                ? java.util.List.of(Recurrence.local(time.start(), time.start())).iterator()
                : series.recurrence().starts(time.start(), notBefore);
    }

    private static final Instant MIN = LocalDateTime.of(1, 1, 1, 0, 0).toInstant(ZoneOffset.UTC);
    private static final Duration GAP_SLACK = Duration.ofHours(26);

    @Override
    public boolean hasNext() {
        while (next == null && !finished) {
            if (!starts.hasNext()) {
                finished = true;
                break;
            }
            LocalDateTime start = starts.next();
            if (start.isBefore(notBefore)) {
                // Ends before the window opens (notBefore keeps two days' slack over the series' length and any
                // DST shift); a rule with COUNT walks from DTSTART, so skip without resolving zones.
                continue;
            }
            Instant startInstant = null;
            if (wallZone != null) {
                // Resolve the start alone first: a candidate that starts after the window or the page is told
                // apart by it, without building the whole occurrence.
                startInstant = new TimePoint.Wall(start, wallZone).zoned().toInstant();
                if (startInstant.isAfter(stopAfter)) {
                    finished = true;
                    break;
                }
                if (!startInstant.isBefore(to) || startInstant.isAfter(latestStart)) {
                    continue;
                }
            }
            Occurrence candidate = at(start, startInstant);
            Instant candidateStart = candidate.slot().start();
            if (candidateStart.isAfter(stopAfter)) {
                finished = true;
                break;
            }
            if (candidateStart.isBefore(to) && !candidateStart.isAfter(latestStart)
                    && candidate.slot().end().isAfter(from)) {
                next = candidate;
            }
        }
        return next != null;
    }

    @Override
    public Occurrence next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        Occurrence out = next;
        next = null;
        return out;
    }

    /** The occurrence starting at {@code start}; {@code startInstant} is its start resolved, for a timed series. */
    private Occurrence at(LocalDateTime start, Instant startInstant) {
        EventTime time = series.time();
        if (time.start() instanceof TimePoint.Wall wall) {
            var startPoint = new TimePoint.Wall(start, wall.zone());
            ZoneId endZone = ((TimePoint.Wall) time.end()).zone();
            Instant end = startInstant.plus(length);
            var endPoint = new TimePoint.Wall(LocalDateTime.ofInstant(end, endZone), endZone);
            Instant endInstant = endPoint.zoned().toInstant();
            if (endInstant.isAfter(startInstant)) {
                // Start before end on the time line, as the slot shows, and no longer than the master: its EventTime
                // is built only if asked for. A start or end past the last supported year is refused at once, as ever.
                return start.getYear() <= EventTime.MAX_YEAR && endPoint.dateTime().getYear() <= EventTime.MAX_YEAR
                        ? new Occurrence(series, startPoint, startPoint, endPoint, new TimeSlot(startInstant, endInstant))
                        : new Occurrence(series, startPoint, new EventTime(startPoint, endPoint));
            }
            // The exact end falls in the repeated hour of an autumn overlap, where a wall time means its first
            // occurrence: keep the master's wall-clock length instead (01:30-02:00 stays 01:30-02:00).
            var nominalEnd = new TimePoint.Wall(start.plus(Duration.between(
                    ((TimePoint.Wall) time.start()).dateTime(), ((TimePoint.Wall) time.end()).dateTime())), endZone);
            return new Occurrence(series, startPoint, new EventTime(startPoint, nominalEnd));
        }
        var first = new TimePoint.Day(start.toLocalDate());
        return new Occurrence(series, first, EventTime.allDay(start.toLocalDate(), start.toLocalDate().plusDays(days)));
    }
}
