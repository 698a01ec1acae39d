package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import java.util.Objects;
import java.util.Optional;

/**
 * One occurrence of a series: the series it belongs to, the start it has by the series' rules (iCalendar's
 * {@code RECURRENCE-ID}, stable under edits of other occurrences), its time and, when it was changed on its own,
 * its override (whose title, description, location, status and time it then shows).
 *
 * <p>A value, equal by those four parts, as a record would be; a class only so that it can keep its slot once
 * derived: listing a window orders and filters occurrences by their slot many times over, and deriving it means
 * resolving two wall times in their zones (ADR 0021's measurements). For the same reason an occurrence the
 * expansion built, whose slot it derived on the way, checks its {@link EventTime} only when asked for it: a page
 * looks at the slots of many more occurrences than it shows (ADR 0026).
 */
public final class Occurrence {
    private final Event series;
    private final TimePoint originalStart;
    private final TimePoint start;
    private final TimePoint end;
    private final Optional<OccurrenceOverride> override;
    private EventTime time;
    private TimeSlot slot;

    public Occurrence(Event series, TimePoint originalStart, EventTime time, Optional<OccurrenceOverride> override) {
        this.series = requireNonNull(series, "series");
        this.originalStart = requireNonNull(originalStart, "originalStart");
        this.time = requireNonNull(time, "time");
        this.start = time.start();
        this.end = time.end();
        this.override = requireNonNull(override, "override");
    }

    /**
     * An occurrence as the series' rules give it, from {@code start} to {@code end}, whose slot its maker already
     * derived (the expansion does, on the way): {@code slot} must be where those two wall times lie, start before
     * end, so the {@link EventTime} built from them when asked for passes its checks.
     */
    Occurrence(Event series, TimePoint originalStart, TimePoint start, TimePoint end, TimeSlot slot) {
        this.series = requireNonNull(series, "series");
        this.originalStart = requireNonNull(originalStart, "originalStart");
        this.start = requireNonNull(start, "start");
        this.end = requireNonNull(end, "end");
        this.override = Optional.empty();
        this.slot = requireNonNull(slot, "slot");
    }

    public Event series() {
        return series;
    }

    public TimePoint originalStart() {
        return originalStart;
    }

    /** Its time; built and checked once when first asked for (a benign race may build it twice, equally). */
    public EventTime time() {
        EventTime built = time;
        if (built == null) {
            built = new EventTime(start, end);
            time = built;
        }
        return built;
    }

    public Optional<OccurrenceOverride> override() {
        return override;
    }

    /** An occurrence as the series' rules give it, not changed on its own. */
    public Occurrence(Event series, TimePoint originalStart, EventTime time) {
        this(series, originalStart, time, Optional.empty());
    }

    /** The same occurrence showing {@code changed}. */
    public Occurrence overriddenBy(OccurrenceOverride changed) {
        return new Occurrence(series, originalStart, changed.time(), Optional.of(changed));
    }

    public OccurrenceId id() {
        return new OccurrenceId(series.id(), originalStart);
    }

    /** Where the occurrence lies on the time line; derived once (a benign race may derive it twice, equally). */
    public TimeSlot slot() {
        TimeSlot derived = slot;
        if (derived == null) {
            derived = time().slotIn(series.anchorZone());
            slot = derived;
        }
        return derived;
    }

    public String title() {
        return override.map(OccurrenceOverride::title).orElse(series.title());
    }

    public String description() {
        return override.map(OccurrenceOverride::description).orElse(series.description());
    }

    public String location() {
        return override.map(OccurrenceOverride::location).orElse(series.location());
    }

    public EventStatus status() {
        return override.map(OccurrenceOverride::status).orElse(series.status());
    }

    /** What this occurrence shows, as an override (the same values when it has none yet). */
    public OccurrenceOverride asOverride() {
        return override.orElseGet(() -> new OccurrenceOverride(originalStart, series.title(), series.description(),
                series.location(), time(), series.status()));
    }

    /** This occurrence as an event of its own (the series' id; its own title, status and time). */
    public Event asEvent() {
        return Event.rehydrate(series.id(), series.calendarId(), title(), description(), location(), time(), status(),
                series.version(), series.createdAt(), series.updatedAt(), series.anchorZone());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Occurrence o && series.equals(o.series) && originalStart.equals(o.originalStart)
                && time().equals(o.time()) && override.equals(o.override);
    }

    @Override
    public int hashCode() {
        return Objects.hash(series, originalStart, time(), override);
    }

    @Override
    public String toString() {
        return "Occurrence[series=" + series.id() + ", originalStart=" + originalStart + ", time=" + time()
                + ", override=" + override + "]";
    }
}
