package dev.almanac.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * How big and how long: the data set and the run lengths of one mode.
 *
 * <p>Calendars 1..{@code busyCalendars} belong to the bench account (account 1) and hold
 * {@code busyPerWeek} events in each of {@code weeks} weeks: the "busy calendars" the read scenarios ask for.
 * Calendar {@code busyCalendars + 1} is the bench account's write calendar, where create scenarios add events.
 * Every other calendar belongs to one of the other accounts and holds the filler events that grow the table.
 *
 * <p>One more calendar of the bench account, {@link #seriesCalendar()}, is issue 4's target calendar in both modes:
 * {@value #SERIES} series and {@value #SERIES_SINGLES} single events over the same two years. It is seeded after
 * the scaling steps, so they measure the table sizes they name.
 *
 * <p>Each scenario warms up for {@code warmup}, then on in rounds of a second while the service's JIT compiler is
 * still busy, up to {@code warmupLimit} in all, and all of a JDK's scenarios together go on for at most
 * {@code warmupBudget} (so the full mode stays under 15 minutes; quick mode does not go on at all, to stay under 3).
 *
 * <p>{@code signInBurstRun} is the length of each run of the sign-in burst ({@link #SIGN_IN_BURST} clients at once,
 * ADR 0033); zero leaves the burst out (quick mode, which has no time to spare).
 */
record Plan(String mode, int accounts, int registeredAccounts, int calendars, int busyCalendars, int busyPerWeek,
            int weeks, List<Long> eventSteps, int concurrency, Duration warmup, Duration warmupLimit,
            Duration warmupBudget, Duration run, int runs, boolean pgbenchOnEveryJdk, Duration jmhWarmup,
            Duration jmhRun, int jmhIterations, Duration signInBurstRun) {

    /**
     * Sign-ins sent at once in the burst: eight times the turns the hasher gives a 256 MiB heap on 2 cores. They
     * share the {@code registeredAccounts} (3), so at most 6 attempts at one account are in flight at once, below
     * the 10 that lock it (each attempt counts as failed until its password matches, ADR 0011); more than 27
     * clients could lock the bench accounts.
     */
    static final int SIGN_IN_BURST = 16;

    /** The Monday (UTC) the seeded two years begin. */
    static final Instant WEEK_ZERO = Instant.parse("2026-01-05T00:00:00Z");
    /** Series in the series calendar (issue 4's target). */
    static final int SERIES = 1_000;
    /** Single events in the series calendar (issue 4's target). */
    static final int SERIES_SINGLES = 100_000;
    /**
     * The week the series scenario lists: week 60 (Monday 2027-03-01, UTC), after every series has begun (they
     * begin in the first 52 weeks) and away from the DST switches.
     */
    static final Instant SERIES_WEEK = WEEK_ZERO.plus(Duration.ofDays(60 * 7));

    static Plan quick() {
        return new Plan("quick", 50, 3, 250, 2, 30, 104, List.of(10_000L, 30_000L, 100_000L), 8,
                Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ZERO, Duration.ofSeconds(2), 3, false,
                Duration.ofMillis(300), Duration.ofMillis(300), 2, Duration.ZERO);
    }

    static Plan full() {
        return new Plan("full", 1_000, 3, 5_000, 5, 40, 104, List.of(10_000L, 100_000L, 1_000_000L), 8,
                Duration.ofSeconds(3), Duration.ofSeconds(20), Duration.ofSeconds(75), Duration.ofSeconds(5), 3, true,
                Duration.ofSeconds(1), Duration.ofSeconds(1), 3, Duration.ofSeconds(3));
    }

    int busyEventsPerCalendar() {
        return weeks * busyPerWeek;
    }

    long busyEvents() {
        return (long) busyCalendars * busyEventsPerCalendar();
    }

    int writeCalendar() {
        return busyCalendars + 1;
    }

    int seriesCalendar() {
        return calendars + 1;
    }

    int firstFillerCalendar() {
        return busyCalendars + 2;
    }

    long finalEvents() {
        return eventSteps.get(eventSteps.size() - 1);
    }
}
