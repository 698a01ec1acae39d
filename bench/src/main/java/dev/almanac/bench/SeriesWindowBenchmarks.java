package dev.almanac.bench;

import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.Occurrence;
import dev.almanac.domain.event.Recurrence;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.TimePoint;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The Java half of issue 4's target "one week of a calendar with 1,000 series in under 10 ms" (ADR 0021): 1,000
 * endless series of five rule shapes (daily, three days a week, last Friday of the month, fortnightly, yearly)
 * starting anywhere in 2020-2025, as the window use case meets them after the database answered.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SeriesWindowBenchmarks {
    static final int SERIES = 1_000;
    private static final String[] RULES = {"RRULE:FREQ=DAILY", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE,FR",
            "RRULE:FREQ=MONTHLY;BYDAY=-1FR", "RRULE:FREQ=WEEKLY;INTERVAL=2", "RRULE:FREQ=YEARLY"};
    private static final Instant FROM = Instant.parse("2026-03-09T00:00:00Z");
    private static final Instant TO = Instant.parse("2026-03-16T00:00:00Z");

    private final List<Event> masters = new ArrayList<>();
    private final List<List<String>> lines = new ArrayList<>();
    private final List<Event> seeded = new ArrayList<>();

    @Setup
    public void setUp() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        var random = new SplittableRandom(42);
        CalendarId calendar = new CalendarId(UUID.fromString("01900000-0000-7000-8000-000000000001"));
        for (int i = 0; i < SERIES; i++) {
            LocalDateTime start = LocalDateTime.of(2020, 1, 1, 9, 0).plusDays(random.nextInt(6 * 365))
                    .plusMinutes(15L * random.nextInt(40));
            var first = new TimePoint.Wall(start, berlin);
            EventTime time = EventTime.timed(first, new TimePoint.Wall(start.plusMinutes(45), berlin));
            Event master = Event.schedule(new EventId(new UUID(0x0190_0000_0000_7000L, i)), calendar,
                    "Series " + i, "", "", time, Optional.empty(), berlin, Instant.parse("2026-01-01T00:00:00Z"),
                    Recurrence.parse(List.of(RULES[i % RULES.length]), first));
            masters.add(master);
            lines.add(master.recurrence().lines());
        }
        for (int n = 1; n <= Plan.SERIES; n++) {
            seeded.add(SeriesMix.master(n, calendar, berlin, Instant.parse("2026-01-01T00:00:00Z")));
        }
    }

    /** Expanding every series inside one week and merging the occurrences in start order, as a window does. */
    @Benchmark
    public List<Occurrence> expandAndMergeOneWeek() {
        List<Occurrence> all = new ArrayList<>();
        for (Event master : masters) {
            all.addAll(Series.rehydrate(master, List.of()).occurrences(FROM, TO, o -> true, 501));
        }
        all.sort(Comparator.comparing((Occurrence o) -> o.slot().start()));
        return all;
    }

    /**
     * The same for the harness's series calendar ({@link SeriesMix}: seven rule shapes, COUNT and UNTIL, five
     * zones, all-day), in the week its HTTP scenario lists, without overrides.
     */
    @Benchmark
    public List<Occurrence> expandSeededCalendarWeek() {
        List<Occurrence> all = new ArrayList<>();
        Instant from = Plan.SERIES_WEEK;
        Instant to = from.plus(java.time.Duration.ofDays(7));
        for (Event master : seeded) {
            all.addAll(Series.rehydrate(master, List.of()).occurrences(from, to, o -> true, 101));
        }
        all.sort(Comparator.comparing((Occurrence o) -> o.slot().start()));
        return all;
    }

    /**
     * The first page of the same week, as the window use case builds it: with the week's single events (the
     * harness's calendar has about 1,045 in it, evenly spread here) already holding the page's 101 places, each
     * series is walked only while it can still start before the page's last item.
     */
    @Benchmark
    public List<Occurrence> expandSeededCalendarWeekFirstPage() {
        Instant from = Plan.SERIES_WEEK;
        Instant to = from.plus(java.time.Duration.ofDays(7));
        PriorityQueue<Instant> page = new PriorityQueue<>(Comparator.reverseOrder());
        for (int k = 0; k < 1_045; k++) {
            offer(page, from.plusSeconds(7L * 24 * 3600 * k / 1_045));
        }
        List<Occurrence> kept = new ArrayList<>();
        for (Event master : seeded) {
            for (Occurrence o : Series.rehydrate(master, List.of()).occurrences(from, to, x -> true, 101,
                    page.size() < 101 ? Instant.MAX : page.peek())) {
                if (offer(page, o.slot().start())) {
                    kept.add(o);
                }
            }
        }
        return kept;
    }

    private static boolean offer(PriorityQueue<Instant> page, Instant start) {
        if (page.size() < 101) {
            page.add(start);
            return true;
        }
        if (start.isBefore(page.peek())) {
            page.poll();
            page.add(start);
            return true;
        }
        return false;
    }

    /** Reading 1,000 series' stored recurrence lines back into rules, as every window read does. */
    @Benchmark
    public int parseRecurrenceOf1000Series() {
        int rules = 0;
        for (int i = 0; i < SERIES; i++) {
            rules += Recurrence.parse(lines.get(i), masters.get(i).time().start()).isNone() ? 0 : 1;
        }
        return rules;
    }
}
