package dev.almanac.bench;

import dev.almanac.adapter.http.security.Argon2idPasswordHasher;
import dev.almanac.adapter.http.security.RandomSecrets;
import dev.almanac.adapter.http.security.ZxcvbnPasswordBlocklist;
import dev.almanac.adapter.persistence.DatabaseSettings;
import dev.almanac.adapter.persistence.PostgresPersistence;
import dev.almanac.application.account.AccountPorts;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.application.account.LifecyclePorts;
import dev.almanac.application.account.RegisterAccountUseCase;
import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.DerivedTimes;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.TimePoint;
import dev.almanac.domain.shared.ZoneRulesStamp;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Seeds the data set through the application's own ports: the first few accounts through
 * {@link RegisterAccountUseCase} with the real Argon2id hasher (so they can sign in), the rest through the account
 * repository reusing that hash (Argon2id at OWASP cost would take minutes for a thousand accounts); calendars
 * through the calendar repository; events through {@code EventRepository.addAll} in batches.
 */
final class Seeder implements AutoCloseable {
    static final String PASSWORD = "bench-password-not-secret";
    private static final int BATCH = 2_000;
    private static final int THREADS = 2;
    private static final ZoneId[] ZONES = {ZoneId.of("Europe/Berlin"), ZoneId.of("America/New_York"),
            ZoneId.of("Asia/Tokyo"), ZoneId.of("UTC"), ZoneId.of("Australia/Sydney")};
    private static final ZoneId BUSY_ZONE = ZoneId.of("Europe/Berlin");

    private final Plan plan;
    private final PostgresPersistence persistence;
    private final Clock clock = Clock.tick(Clock.systemUTC(), Duration.ofNanos(1_000));
    private long fillerEvents;

    Seeder(Plan plan, BenchDatabase database) {
        this.plan = plan;
        // multi-row inserts from the JDBC batch; only the seeder's pool asks for it
        this.persistence = PostgresPersistence.connect(new DatabaseSettings(
                database.jdbcUrl() + "?reWriteBatchedInserts=true", database.user(), database.password(), THREADS));
    }

    static String email(int account) {
        return "bench-" + account + "@almanac.test";
    }

    static CalendarId calendar(int n) {
        return new CalendarId(BenchIds.of(BenchIds.CALENDAR, n));
    }

    /** Accounts, calendars and the busy calendars' events. */
    void seedBase() {
        var nextAccount = new AtomicLong(1);
        var register = AccountUseCases.wire(new AccountPorts(persistence.accounts(), persistence.sessions(),
                persistence.apiKeys(),
                persistence.loginThrottles(), new Argon2idPasswordHasher(), new ZxcvbnPasswordBlocklist(), new NoTokens(),
                new RandomSecrets(new SecureRandom()),
                () -> BenchIds.of(BenchIds.ACCOUNT, nextAccount.getAndIncrement()), clock),
                new LifecyclePorts(persistence.lifecycle(), java.net.URI.create("http://localhost:8080"))).register();
        var accounts = new ArrayList<AccountId>();
        Account first = null;
        for (int a = 1; a <= plan.registeredAccounts(); a++) {
            Account account = register.register(new RegisterAccountUseCase.Command(email(a), PASSWORD, "Bench " + a));
            accounts.add(account.id());
            if (first == null) {
                first = account;
            }
        }
        for (int a = plan.registeredAccounts() + 1; a <= plan.accounts(); a++) {
            var id = new AccountId(BenchIds.of(BenchIds.ACCOUNT, nextAccount.getAndIncrement()));
            persistence.accounts().add(Account.register(id, EmailAddress.of(email(a)), new DisplayName("Bench " + a),
                    first.passwordHash(), clock.instant()));
            accounts.add(id);
        }
        for (int c = 1; c <= plan.calendars(); c++) {
            int owner = c <= plan.writeCalendar() ? 1 : 2 + (c % (plan.accounts() - 1));
            ZoneId zone = c <= plan.writeCalendar() ? BUSY_ZONE : ZONES[c % ZONES.length];
            persistence.calendars().add(Calendar.create(calendar(c), accounts.get(owner - 1),
                    "Calendar " + c, c <= plan.busyCalendars() ? "A busy team calendar" : "", zone, clock.instant()));
        }
        inBatches(1, plan.busyEvents(), this::busyEvent);
        recordZoneRules();
    }

    /**
     * Records that the seeded instants were derived under this JVM's zone rules (they were: the seeder derives
     * them through the domain), so the service's first start does not check every seeded row again (ADR 0024);
     * the start-up figure measures a normal start, not a one-off reconciliation.
     */
    private void recordZoneRules() {
        persistence.derivedTimes().reconcile(
                recorded -> new DerivedTimes.Plan(Set.of(), ZoneRulesStamp.currentForAll()), 1);
    }

    /** Adds filler events until the table holds {@code total} events. */
    void seedTo(long total) {
        long target = total - plan.busyEvents();
        if (target > fillerEvents) {
            inBatches(fillerEvents + 1, target, this::fillerEvent);
            fillerEvents = target;
        }
    }

    /**
     * Busy event {@code n}: calendar, week and slot follow from {@code n}, so pgbench finds the calendar of an
     * event by arithmetic: {@code calendar = (n - 1) / busyEventsPerCalendar + 1}.
     */
    private Event busyEvent(long n) {
        int perCalendar = plan.busyEventsPerCalendar();
        int calendar = (int) ((n - 1) / perCalendar) + 1;
        int week = (int) (((n - 1) % perCalendar) / plan.busyPerWeek());
        var random = new SplittableRandom(n);
        LocalDateTime weekStart = LocalDateTime.ofInstant(Plan.WEEK_ZERO, ZoneOffset.UTC).plusWeeks(week);
        LocalDateTime start = weekStart.plusDays(random.nextInt(5)).withHour(8 + random.nextInt(10))
                .withMinute(15 * random.nextInt(4));
        LocalDateTime end = start.plusMinutes(30L * (1 + random.nextInt(4)));
        EventTime time = EventTime.timed(new TimePoint.Wall(start, BUSY_ZONE), new TimePoint.Wall(end, BUSY_ZONE));
        return Event.schedule(new EventId(BenchIds.of(BenchIds.BUSY_EVENT, n)), calendar(calendar),
                "Team meeting " + n, "Agenda: status, risks, next steps. Dial-in details in the invite.",
                "Room " + (1 + random.nextInt(40)), time, Optional.of(EventStatus.CONFIRMED), BUSY_ZONE, clock.instant());
    }

    /** Filler event {@code n}: somewhere in the two years, in one of the other accounts' calendars. */
    private Event fillerEvent(long n) {
        int fillers = plan.calendars() - plan.firstFillerCalendar() + 1;
        int calendar = plan.firstFillerCalendar() + (int) (n % fillers);
        ZoneId calendarZone = ZONES[calendar % ZONES.length];
        var random = new SplittableRandom(-n);
        LocalDateTime day = LocalDateTime.ofInstant(Plan.WEEK_ZERO, ZoneOffset.UTC)
                .plusDays(random.nextInt(plan.weeks() * 7));
        EventTime time;
        if (random.nextInt(10) == 0) {
            time = EventTime.allDay(day.toLocalDate(), day.toLocalDate().plusDays(1 + random.nextInt(3)));
        } else {
            LocalDateTime start = day.withHour(6 + random.nextInt(14)).withMinute(5 * random.nextInt(12));
            ZoneId zone = ZONES[random.nextInt(ZONES.length)];
            time = EventTime.timed(new TimePoint.Wall(start, zone),
                    new TimePoint.Wall(start.plusMinutes(15L * (1 + random.nextInt(12))), zone));
        }
        return Event.schedule(new EventId(BenchIds.of(BenchIds.FILLER_EVENT, n)), calendar(calendar),
                "Appointment " + n, n % 3 == 0 ? "Bring the documents." : "", n % 2 == 0 ? "" : "Main office",
                time, Optional.empty(), calendarZone, clock.instant());
    }

    private interface EventMaker {
        Event make(long n);
    }

    private void inBatches(long first, long last, EventMaker maker) {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            var futures = new ArrayList<Future<?>>();
            for (long from = first; from <= last; from += BATCH) {
                long start = from;
                long end = Math.min(last, from + BATCH - 1);
                futures.add(pool.submit(() -> {
                    List<Event> batch = new ArrayList<>(BATCH);
                    for (long n = start; n <= end; n++) {
                        batch.add(maker.make(n));
                    }
                    persistence.events().addAll(batch);
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("seeding interrupted", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("seeding failed: " + e.getCause(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    @Override
    public void close() {
        persistence.close();
    }

    /** Seeding never issues tokens; the service does, when the driver signs in over HTTP. */
    private static final class NoTokens implements AccessTokens {
        @Override
        public IssuedToken issue(Subject subject, Instant now) {
            throw new UnsupportedOperationException("the seeder issues no tokens");
        }

        @Override
        public Optional<Subject> verify(String token, Instant now) {
            return Optional.empty();
        }
    }
}
