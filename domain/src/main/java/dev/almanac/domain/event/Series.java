package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.recurrence.RecurrenceRule;
import dev.almanac.domain.recurrence.Until;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.Supplier;

/**
 * An event with the overrides of its occurrences: the aggregate every edit of a series goes through, so that
 * the master and its exceptions change together, under the master's version. A single event has no overrides.
 *
 * <p>Invariants: at most one override per original start; at most {@value #MAX_OVERRIDES} overrides; when
 * written ({@link #of}), every override's original start is a real occurrence of the series and of the same kind
 * (date or date-time) as the series.
 */
public record Series(Event master, List<OccurrenceOverride> overrides) {

    public static final int MAX_OVERRIDES = 1_000;

    public Series {
        requireNonNull(master, "master");
        List<OccurrenceOverride> sorted = new ArrayList<>(overrides);
        sorted.sort(Comparator.comparing(o -> Recurrence.local(o.originalStart(), master.time().start())));
        overrides = List.copyOf(sorted);
        Set<TimePoint> seen = new HashSet<>();
        for (OccurrenceOverride o : overrides) {
            if (!seen.add(o.originalStart())) {
                throw new RuleViolationException("originalStart", "event.occurrence.override_duplicate",
                        "An occurrence has at most one override");
            }
        }
        if (overrides.size() > MAX_OVERRIDES) {
            throw new RuleViolationException("originalStart", "event.occurrence.too_many_overrides",
                    "A series may have at most " + MAX_OVERRIDES + " changed occurrences");
        }
    }

    /** A series to be written: every override must stand on a real occurrence of the same kind. */
    public static Series of(Event master, List<OccurrenceOverride> overrides) {
        Series series = new Series(master, overrides);
        for (OccurrenceOverride o : series.overrides) {
            if (series.base(o.originalStart()).isEmpty()) {
                throw new RuleViolationException("originalStart", "event.occurrence.not_an_occurrence",
                        "The series has no occurrence starting at " + OccurrenceId.key(o.originalStart()));
            }
            if (o.time().isAllDay() != master.time().isAllDay()) {
                throw new RuleViolationException("start", "event.occurrence.kind_mismatch",
                        "An occurrence of " + (master.time().isAllDay() ? "an all-day" : "a timed")
                                + " series must stay " + (master.time().isAllDay() ? "all-day" : "timed"));
            }
        }
        return series;
    }

    /** A stored series, as it was written. */
    public static Series rehydrate(Event master, List<OccurrenceOverride> overrides) {
        return new Series(master, overrides);
    }

    public EventId id() {
        return master.id();
    }

    /** The same series as stored at {@code version}. */
    public Series atVersion(long version) {
        return new Series(master.atVersion(version), overrides);
    }

    /** The same series anchored in a calendar zone (only all-day times move). */
    public Series anchoredIn(java.time.ZoneId calendarZone) {
        return new Series(master.anchoredIn(calendarZone), overrides);
    }

    /** The occurrence at {@code originalStart}, its override applied; empty when the series has none there. */
    public Optional<Occurrence> occurrence(TimePoint originalStart) {
        return base(originalStart).map(this::applied);
    }

    /**
     * The occurrences whose slot (after their override) overlaps {@code [from, to)}, in start order: an
     * occurrence moved into the window by its override is in, one moved out of it is out.
     */
    public List<Occurrence> occurrences(Instant from, Instant to) {
        return occurrences(from, to, o -> true, Integer.MAX_VALUE);
    }

    /**
     * As {@link #occurrences(Instant, Instant)}, keeping only those {@code wanted} says, and walking the rules only
     * until {@code max} occurrences are kept: every occurrence the rules give later starts later, unless its
     * override moved it, and overridden occurrences are all looked at anyway. So the first {@code max} in start
     * order are always among the result.
     */
    public List<Occurrence> occurrences(Instant from, Instant to, java.util.function.Predicate<Occurrence> wanted,
                                        int max) {
        return occurrences(from, to, wanted, max, Instant.MAX);
    }

    /**
     * As {@link #occurrences(Instant, Instant, java.util.function.Predicate, int)}, and walking the rules only
     * while they give starts no later than {@code latestStart}: a caller that already holds a full page of items
     * starting by {@code latestStart} need not expand the rest of the window. Every occurrence the rules give
     * later starts later, unless its override moved it, and overridden occurrences are all looked at anyway; so
     * every occurrence left out starts after {@code latestStart}.
     */
    public List<Occurrence> occurrences(Instant from, Instant to, java.util.function.Predicate<Occurrence> wanted,
                                        int max, Instant latestStart) {
        requireNonNull(latestStart, "latestStart");
        List<Occurrence> out = new ArrayList<>();
        // Most series have no overrides: they need neither the look-up nor the record of starts walked.
        boolean overridden = !overrides.isEmpty();
        Set<TimePoint> visited = overridden ? new HashSet<>() : Set.of();
        int kept = 0;
        for (Iterator<Occurrence> it = new Occurrences(master, from, to, latestStart); it.hasNext() && kept < max; ) {
            Occurrence occurrence = overridden ? applied(it.next()) : it.next();
            if (overridden) {
                visited.add(occurrence.originalStart());
            }
            if (overlaps(occurrence, from, to) && wanted.test(occurrence)) {
                out.add(occurrence);
                kept++;
            }
        }
        for (OccurrenceOverride o : overrides) {
            if (!visited.contains(o.originalStart())) {
                Occurrence moved = new Occurrence(master, o.originalStart(), o.time(), Optional.of(o));
                if (overlaps(moved, from, to) && wanted.test(moved) && base(o.originalStart()).isPresent()) {
                    out.add(moved);
                }
            }
        }
        // The rules give starts in order, which the slots follow unless an override moved one or a DST gap put a
        // later wall time earlier: sort only then.
        if (!inStartOrder(out)) {
            out.sort(Comparator.comparing((Occurrence o) -> o.slot().start())
                    .thenComparing(o -> Recurrence.local(o.originalStart(), master.time().start())));
        }
        return out;
    }

    private static boolean inStartOrder(List<Occurrence> occurrences) {
        for (int k = 1; k < occurrences.size(); k++) {
            if (!occurrences.get(k - 1).slot().start().isBefore(occurrences.get(k).slot().start())) {
                return false;
            }
        }
        return true;
    }

    /** Scope "this": the occurrence at {@code originalStart} shows {@code changes} from now on. */
    public Series changeOccurrence(TimePoint originalStart, EventChanges changes, Instant now) {
        Occurrence occurrence = occurrence(originalStart).orElseThrow(OccurrenceId::notFound);
        OccurrenceOverride current = occurrence.asOverride();
        EventTime time = current.time();
        if (changes.start().isPresent() || changes.end().isPresent()) {
            time = new EventTime(changes.start().orElse(time.start()), changes.end().orElse(time.end()));
        }
        OccurrenceOverride changed = new OccurrenceOverride(originalStart, changes.title().orElse(current.title()),
                changes.description().orElse(current.description()), changes.location().orElse(current.location()),
                time, changes.status().map(current.status()::moveTo).orElse(current.status()));
        if (occurrence.override().isPresent() && changed.equals(occurrence.override().get())) {
            return this;
        }
        List<OccurrenceOverride> next = new ArrayList<>(without(originalStart));
        next.add(changed);
        return Series.of(master.touchedAt(now), next);
    }

    /** Scope "this" of a delete: the occurrence is excluded (EXDATE) and its override, if any, goes with it. */
    public Series removeOccurrence(TimePoint originalStart, Instant now) {
        occurrence(originalStart).orElseThrow(OccurrenceId::notFound);
        Recurrence r = master.recurrence();
        List<TimePoint> exdates = new ArrayList<>(r.exdates());
        exdates.add(originalStart);
        return Series.of(master.recurring(new Recurrence(r.rule(), r.rdates(), exdates), now),
                without(originalStart));
    }

    /**
     * Scope "all", or an edit of the master itself: the series becomes {@code revised}; each override moves with
     * the series' start (by the same wall-clock shift) to the occurrence that now stands there and is carried, or,
     * when there is none, is detached as a standalone event with a new id from {@code ids}.
     */
    public SeriesEdit revise(Event revised, Supplier<EventId> ids, Instant now) {
        if (revised.equals(master)) {
            return SeriesEdit.of(this);
        }
        List<OccurrenceOverride> kept = new ArrayList<>();
        List<SeriesEdit.Carried> carried = new ArrayList<>();
        List<SeriesEdit.Detached> detached = new ArrayList<>();
        Series target = new Series(revised, List.of());
        for (OccurrenceOverride o : overrides) {
            Optional<TimePoint> moved = revised.isSeries() ? shifted(o.originalStart(), revised) : Optional.empty();
            Optional<Occurrence> landing = moved.flatMap(target::base);
            if (landing.isPresent() && o.time().isAllDay() == revised.time().isAllDay()) {
                Occurrence before = base(o.originalStart()).orElse(null);
                boolean ownTime = before == null || !before.time().equals(o.time());
                kept.add(o.at(landing.get().originalStart(), ownTime ? o.time() : landing.get().time()));
                if (!landing.get().originalStart().equals(o.originalStart())) {
                    carried.add(new SeriesEdit.Carried(o.originalStart(), landing.get().originalStart()));
                }
            } else {
                Event standalone = new Event(ids.get(), master.calendarId(), o.title(), o.description(),
                        o.location(), o.time(), master.anchorZone(), o.status(), 0, now, now, Recurrence.NONE);
                detached.add(new SeriesEdit.Detached(o.originalStart(), standalone));
            }
        }
        return new SeriesEdit(Series.of(revised, kept), Optional.empty(), carried, detached);
    }

    /**
     * Scope "all", asked through one occurrence: {@code changes} say what the occurrence at {@code originalStart}
     * becomes; the master moves by the same wall-clock shift of start and end (so moving this Tuesday's meeting
     * from 9:00 to 10:00 moves every Tuesday's), takes the other changes, and {@code recurrence} when present.
     */
    public SeriesEdit reviseThrough(TimePoint originalStart, EventChanges changes, Optional<Recurrence> recurrence,
                                    Supplier<EventId> ids, Instant now) {
        Occurrence occurrence = occurrence(originalStart).orElseThrow(OccurrenceId::notFound);
        EventTime was = occurrence.time();
        Optional<TimePoint> start = changes.start().map(s -> shiftedBy(master.time().start(), was.start(), s));
        Optional<TimePoint> end = changes.end().map(e -> shiftedBy(master.time().end(), was.end(), e));
        if (changes.start().isPresent() && changes.end().isEmpty()) {
            end = Optional.of(shiftedBy(master.time().end(), was.start(), changes.start().get()));
        }
        var masterChanges = new EventChanges(changes.title(), changes.description(), changes.location(), start, end,
                changes.status());
        Event revised = master.revise(masterChanges, master.anchorZone(), now);
        if (recurrence.isPresent()) {
            revised = revised.recurring(recurrence.get(), now);
        }
        return revise(revised, ids, now);
    }

    /** {@code point} moved as far as an occurrence's {@code from} moved to {@code to} (wall time or days). */
    private static TimePoint shiftedBy(TimePoint point, TimePoint from, TimePoint to) {
        if (point instanceof TimePoint.Wall p && from instanceof TimePoint.Wall f && to instanceof TimePoint.Wall t) {
            return new TimePoint.Wall(p.dateTime().plus(Duration.between(f.dateTime(), t.dateTime())), t.zone());
        }
        if (point instanceof TimePoint.Day p && from instanceof TimePoint.Day f && to instanceof TimePoint.Day t) {
            return new TimePoint.Day(p.date().plusDays(ChronoUnit.DAYS.between(f.date(), t.date())));
        }
        throw new RuleViolationException("start", "event.occurrence.kind_change",
                "A series changes between timed and all-day through the series itself, not through one occurrence");
    }

    /**
     * Scope "following": the series is cut before the occurrence at {@code originalStart} (its rule ends there:
     * UNTIL just before, COUNT dropped) and a new series {@code newId} begins there, showing that occurrence with
     * {@code changes} applied (and {@code recurrence} when present) and repeating as the old one did (a COUNT
     * reduced by the instances before the cut). Overrides after the cut move to the new series (carried or
     * detached as {@link #revise} says); the override of the cut occurrence itself becomes the new master.
     * At the first occurrence, the whole series is revised instead.
     */
    public SeriesEdit split(TimePoint originalStart, EventChanges changes, Optional<Recurrence> recurrence,
                            EventId newId, Supplier<EventId> ids, Instant now) {
        Occurrence cut = occurrence(originalStart).orElseThrow(OccurrenceId::notFound);
        if (isFirst(originalStart)) {
            Event revised = master.revise(changes, master.anchorZone(), now);
            if (recurrence.isPresent()) {
                revised = revised.recurring(recurrence.get(), now);
            }
            return revise(revised, ids, now);
        }
        Series before = truncated(originalStart, now);
        Recurrence r = master.recurrence();
        LocalDateTime cutLocal = Recurrence.local(originalStart, master.time().start());
        Optional<RecurrenceRule> rule = r.rule().flatMap(old -> continued(old, cutLocal));
        Recurrence following = new Recurrence(rule, after(r.rdates(), cutLocal), after(r.exdates(), cutLocal));
        Event startsHere = new Event(newId, master.calendarId(), cut.title(), cut.description(), cut.location(),
                cut.time(), master.anchorZone(), cut.status(), 0, now, now, following);
        List<OccurrenceOverride> moving = new ArrayList<>();
        for (OccurrenceOverride o : overrides) {
            if (Recurrence.local(o.originalStart(), master.time().start()).isAfter(cutLocal)) {
                moving.add(o);
            }
        }
        Series fresh = Series.of(startsHere, moving);
        Event revised = startsHere.revise(changes, master.anchorZone(), now);
        if (recurrence.isPresent()) {
            revised = revised.recurring(recurrence.get(), now);
        }
        SeriesEdit moved = fresh.revise(revised.atVersion(0), ids, now);
        return new SeriesEdit(before, Optional.of(moved.series()), moved.carried(), moved.detached());
    }

    /**
     * Scope "following" of a delete: the series ends before the occurrence at {@code originalStart}; the overrides
     * from there on go with the deleted occurrences. Not for the first occurrence (that deletes the series).
     */
    public Series truncated(TimePoint originalStart, Instant now) {
        occurrence(originalStart).orElseThrow(OccurrenceId::notFound);
        if (isFirst(originalStart)) {
            throw new IllegalArgumentException("cutting at the first occurrence leaves nothing");
        }
        Recurrence r = master.recurrence();
        LocalDateTime cutLocal = Recurrence.local(originalStart, master.time().start());
        Optional<RecurrenceRule> rule = r.rule().map(old -> new RecurrenceRule(old.frequency(), old.interval(),
                OptionalInt.empty(), Optional.of(untilBefore(originalStart)), old.byDay(), old.byMonthDay(),
                old.byYearDay(), old.byWeekNo(), old.byMonth(), old.bySetPos(), old.byHour(), old.byMinute(),
                old.bySecond(), old.weekStart()));
        Recurrence shortened = new Recurrence(rule, upTo(r.rdates(), cutLocal), upTo(r.exdates(), cutLocal));
        List<OccurrenceOverride> kept = new ArrayList<>();
        for (OccurrenceOverride o : overrides) {
            if (Recurrence.local(o.originalStart(), master.time().start()).isBefore(cutLocal)) {
                kept.add(o);
            }
        }
        return Series.of(master.recurring(shortened, now), kept);
    }

    /** Whether {@code originalStart} is the series' first occurrence (its DTSTART). */
    public boolean isFirst(TimePoint originalStart) {
        return Recurrence.local(originalStart, master.time().start())
                .equals(Recurrence.local(master.time().start(), master.time().start()));
    }

    private Until untilBefore(TimePoint cut) {
        if (cut instanceof TimePoint.Day day) {
            return new Until.OnDate(day.date().minusDays(1));
        }
        return new Until.AtInstant(((TimePoint.Wall) cut).zoned().toInstant().minusSeconds(1));
    }

    /** The rule for the part from {@code cut} on: COUNT less the rule's instances before the cut. */
    private Optional<RecurrenceRule> continued(RecurrenceRule old, LocalDateTime cut) {
        if (old.count().isEmpty()) {
            return Optional.of(old);
        }
        int before = 0;
        LocalDateTime first = Recurrence.local(master.time().start(), master.time().start());
        var zone = master.time().start() instanceof TimePoint.Wall w ? Optional.of(w.zone())
                : Optional.<java.time.ZoneId>empty();
        for (Iterator<LocalDateTime> it = old.instances(first, zone, LocalDateTime.MIN); it.hasNext(); ) {
            if (!it.next().isBefore(cut)) {
                break;
            }
            before++;
        }
        int left = old.count().getAsInt() - before;
        if (left <= 0) {
            return Optional.empty();
        }
        return Optional.of(new RecurrenceRule(old.frequency(), old.interval(), OptionalInt.of(left), Optional.empty(),
                old.byDay(), old.byMonthDay(), old.byYearDay(), old.byWeekNo(), old.byMonth(), old.bySetPos(),
                old.byHour(), old.byMinute(), old.bySecond(), old.weekStart()));
    }

    private List<TimePoint> after(List<TimePoint> dates, LocalDateTime cut) {
        return dates.stream().filter(d -> Recurrence.local(d, master.time().start()).isAfter(cut)).toList();
    }

    private List<TimePoint> upTo(List<TimePoint> dates, LocalDateTime cut) {
        return dates.stream().filter(d -> Recurrence.local(d, master.time().start()).isBefore(cut)).toList();
    }

    /** Where {@code originalStart} lands when the series' start moves from the master's to {@code revised}'s. */
    private Optional<TimePoint> shifted(TimePoint originalStart, Event revised) {
        TimePoint from = master.time().start();
        TimePoint to = revised.time().start();
        if (from instanceof TimePoint.Wall f && to instanceof TimePoint.Wall t
                && originalStart instanceof TimePoint.Wall o) {
            Duration shift = Duration.between(f.dateTime(), t.dateTime());
            return Optional.of(new TimePoint.Wall(o.dateTime().plus(shift), t.zone()));
        }
        if (from instanceof TimePoint.Day f && to instanceof TimePoint.Day t && originalStart instanceof TimePoint.Day o) {
            return Optional.of(new TimePoint.Day(o.date().plusDays(ChronoUnit.DAYS.between(f.date(), t.date()))));
        }
        return Optional.empty();
    }

    /** The occurrence the series' rules put at {@code originalStart}, without its override. */
    private Optional<Occurrence> base(TimePoint originalStart) {
        TimePoint start = master.time().start();
        if ((originalStart instanceof TimePoint.Day) != (start instanceof TimePoint.Day)) {
            return Optional.empty();
        }
        if (originalStart instanceof TimePoint.Wall wall
                && !wall.zone().equals(((TimePoint.Wall) start).zone())) {
            return Optional.empty();
        }
        Instant at = originalStart.resolve(master.anchorZone());
        for (Iterator<Occurrence> it = master.occurrences(at.minus(Duration.ofDays(1)), at.plus(Duration.ofDays(1)));
             it.hasNext(); ) {
            Occurrence candidate = it.next();
            if (candidate.originalStart().equals(originalStart)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private Occurrence applied(Occurrence occurrence) {
        for (OccurrenceOverride o : overrides) {
            if (o.originalStart().equals(occurrence.originalStart())) {
                return occurrence.overriddenBy(o);
            }
        }
        return occurrence;
    }

    private List<OccurrenceOverride> without(TimePoint originalStart) {
        return overrides.stream().filter(o -> !o.originalStart().equals(originalStart)).toList();
    }

    private static boolean overlaps(Occurrence occurrence, Instant from, Instant to) {
        TimeSlot slot = occurrence.slot();
        return slot.start().isBefore(to) && slot.end().isAfter(from);
    }
}
