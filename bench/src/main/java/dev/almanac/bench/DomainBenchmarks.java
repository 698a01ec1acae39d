package dev.almanac.bench;

import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.TimePoint;
import dev.almanac.domain.event.TimeSlot;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The domain's hot paths, each on its own: what a create costs before any I/O (building and checking an event's
 * time and the event), the overlap check, and ordering a window's events by slot then id as the window query
 * returns them (sorting one window, merging two calendars' windows).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class DomainBenchmarks {
    static final int SLOTS = 1_000;
    static final int WINDOW = 100;
    private static final Comparator<Event> WINDOW_ORDER =
            Comparator.comparing((Event e) -> e.slot().start()).thenComparing(e -> e.id().value());

    private final ZoneId berlin = ZoneId.of("Europe/Berlin");
    private final ZoneId newYork = ZoneId.of("America/New_York");
    private final LocalDateTime start = LocalDateTime.parse("2026-03-08T09:00");
    private final LocalDateTime end = LocalDateTime.parse("2026-03-08T10:30");
    private final CalendarId calendar = new CalendarId(UUID.fromString("01900000-0000-7000-8000-000000000001"));
    private final Instant now = Instant.parse("2026-03-01T12:00:00Z");
    private TimeSlot[] slots;
    private TimeSlot probe;
    private List<Event> shuffledWindow;
    private List<Event> sortedA;
    private List<Event> sortedB;

    @Setup
    public void setUp() {
        var random = new SplittableRandom(42);
        Instant base = Instant.parse("2026-03-02T00:00:00Z");
        slots = new TimeSlot[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            Instant s = base.plusSeconds(random.nextInt(7 * 24 * 3600));
            slots[i] = new TimeSlot(s, s.plusSeconds(900 + random.nextInt(7200)));
        }
        probe = new TimeSlot(base.plusSeconds(3 * 24 * 3600), base.plusSeconds(3 * 24 * 3600 + 3600));
        shuffledWindow = new ArrayList<>();
        for (int i = 0; i < WINDOW; i++) {
            LocalDateTime s = LocalDateTime.parse("2026-03-02T08:00").plusMinutes(15L * random.nextInt(400));
            shuffledWindow.add(event(new UUID(0x0190_0000_0000_7000L, i), s));
        }
        Collections.shuffle(shuffledWindow, new java.util.Random(7));
        sortedA = new ArrayList<>(shuffledWindow.subList(0, WINDOW / 2));
        sortedB = new ArrayList<>(shuffledWindow.subList(WINDOW / 2, WINDOW));
        sortedA.sort(WINDOW_ORDER);
        sortedB.sort(WINDOW_ORDER);
    }

    private Event event(UUID id, LocalDateTime s) {
        return Event.schedule(new EventId(id), calendar, "Team meeting", "Agenda: status, risks, next steps.",
                "Room 4", EventTime.timed(new TimePoint.Wall(s, berlin), new TimePoint.Wall(s.plusMinutes(45), berlin)),
                Optional.empty(), berlin, now);
    }

    /** Two wall times in two zones, DST-resolved, start-before-end and span checked. */
    @Benchmark
    public EventTime buildTimedEventTime() {
        return EventTime.timed(new TimePoint.Wall(start, berlin), new TimePoint.Wall(end, newYork));
    }

    /** A whole new event: title, description and location checks, its time, its status. */
    @Benchmark
    public Event scheduleEvent() {
        return Event.schedule(new EventId(new UUID(1, 2)), calendar, "Design review", "Bring the mock-ups.",
                "Room 4.12", EventTime.timed(new TimePoint.Wall(start, berlin), new TimePoint.Wall(end, newYork)),
                Optional.of(EventStatus.TENTATIVE), berlin, now);
    }

    /** One overlap check (the figure is per check, averaged over a week's 1,000 slots). */
    @Benchmark
    @OperationsPerInvocation(SLOTS)
    public int overlapCheck() {
        int overlapping = 0;
        for (TimeSlot slot : slots) {
            if (probe.overlaps(slot)) {
                overlapping++;
            }
        }
        return overlapping;
    }

    /** Ordering one window's 100 events by slot start then id (slots derived from wall time on each compare). */
    @Benchmark
    public List<Event> sortWindowOf100() {
        var copy = new ArrayList<>(shuffledWindow);
        copy.sort(WINDOW_ORDER);
        return copy;
    }

    /** Merging two calendars' sorted windows of 50 events each into one ordered list. */
    @Benchmark
    public List<Event> mergeTwoWindowsOf50() {
        var merged = new ArrayList<Event>(sortedA.size() + sortedB.size());
        int i = 0;
        int j = 0;
        while (i < sortedA.size() && j < sortedB.size()) {
            merged.add(WINDOW_ORDER.compare(sortedA.get(i), sortedB.get(j)) <= 0 ? sortedA.get(i++) : sortedB.get(j++));
        }
        merged.addAll(sortedA.subList(i, sortedA.size()));
        merged.addAll(sortedB.subList(j, sortedB.size()));
        return merged;
    }
}
