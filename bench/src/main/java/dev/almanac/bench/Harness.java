package dev.almanac.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.stream.Stream;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * The benchmark run, start to end: database, seeding, start-up, scaling, the HTTP scenarios beside pgbench on
 * each JDK, JMH, and the report. {@code bench/run.sh} builds the jars and calls this.
 *
 * <p>Usage: {@code java -jar almanac-bench.jar --mode quick|full --service-jar PATH --jdk JAVA_HOME [--jdk ...]
 * --results DIR --work DIR}
 */
public final class Harness {
    private static volatile Service current;
    /** The bare endpoint while it runs, to stop it if the harness is interrupted. */
    private static volatile Service bareService;
    /** The row of {@link Run#bareGet}. */
    static final String BARE_GET = "get event by id, bare stack (no auth, no checks)";
    private static volatile BenchDatabase database;

    private Harness() {
    }

    public static void main(String[] args) throws Exception {
        String mode = "quick";
        Path serviceJar = Path.of("bootstrap/target/almanac.jar");
        List<Path> jdks = new ArrayList<>();
        Path results = Path.of("bench/results");
        Path work = Path.of("bench/target/work");
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--mode": mode = args[++i]; break;
                case "--service-jar": serviceJar = Path.of(args[++i]); break;
                case "--jdk": jdks.add(Path.of(args[++i])); break;
                case "--results": results = Path.of(args[++i]); break;
                case "--work": work = Path.of(args[++i]); break;
                default: throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (jdks.isEmpty()) {
            jdks.add(Path.of(System.getProperty("java.home")));
        }
        Plan plan = "full".equals(mode) ? Plan.full() : Plan.quick();
        String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HHmmss'Z'"));
        Runtime.getRuntime().addShutdownHook(new Thread(Harness::cleanUp, "bench-cleanup"));
        long started = System.nanoTime();
        try {
            new Harness.Run(plan, serviceJar.toAbsolutePath(), jdks, work.toAbsolutePath(),
                    results.toAbsolutePath().resolve(stamp + "-" + mode + "-logs"))
                    .all().write(results.toAbsolutePath(), stamp, mode);
        } finally {
            cleanUp();
            say("Done in %.0f s", (System.nanoTime() - started) / 1e9);
        }
    }

    private static synchronized void cleanUp() {
        Service bare = bareService;
        bareService = null;
        if (bare != null) {
            bare.close();
        }
        Service s = current;
        current = null;
        if (s != null) {
            s.close();
        }
        BenchDatabase d = database;
        database = null;
        if (d != null) {
            d.close();
        }
    }

    private static final long SAY_STARTED = System.nanoTime();

    /** A progress line, with the seconds since the harness started. */
    static void say(String format, Object... args) {
        System.out.printf("==> [%3.0f s] %s%n", (System.nanoTime() - SAY_STARTED) / 1e9, String.format(format, args));
        System.out.flush();
    }

    /** One run's state. */
    private static final class Run {
        private static final String[][] THROUGHPUT = {{"create event", "create", "insert", "0.45"},
                {"get event by id", "get", "select", "0.30"}, {"list one week", "week", "range", "0.30"}};
        /** Issue 4: one week of 1,000 series and 100,000 single events answers in under 10 ms at the median. */
        private static final double SERIES_WEEK_P50_MS = 10;
        private static final long SERIES_WARMUP_REQUESTS = 200;
        private static final Duration SERIES_WARMUP_LIMIT = Duration.ofSeconds(10);
        /** JIT compiler threads below this many cores busy count as done compiling (see {@link #warmUp}). */
        private static final double JIT_QUIET_CORES = 0.05;

        private final Plan plan;
        private final Path serviceJar;
        private final List<Path> jdks;
        private final Path work;
        private final Path logs;
        private final Results results = new Results();
        private final Map<Long, Long> versions = new ConcurrentHashMap<>();
        private Wrk wrk;
        private PgBench pgbench;
        private int services;
        /** What is left of this JDK's {@link Plan#warmupBudget()}: how much longer its warm-ups may still go on. */
        private Duration extraWarmupLeft = Duration.ZERO;

        Run(Plan plan, Path serviceJar, List<Path> jdks, Path work, Path logs) {
            this.plan = plan;
            this.serviceJar = serviceJar;
            this.jdks = jdks;
            this.work = work;
            this.logs = logs;
        }

        Results all() throws IOException {
            deleteRecursively(work);
            Files.createDirectories(work);
            machine();
            Optional<String> external = Optional.ofNullable(System.getenv("ALMANAC_BENCH_DATABASE_URL"));
            if (external.isPresent()) {
                say("Using the PostgreSQL at %s (ALMANAC_BENCH_DATABASE_URL); it must be an empty throwaway database",
                        external.get());
                database = BenchDatabase.external(external.get(),
                        System.getenv().getOrDefault("ALMANAC_BENCH_DATABASE_USER", "postgres"),
                        System.getenv().getOrDefault("ALMANAC_BENCH_DATABASE_PASSWORD", ""));
            } else {
                int port = Integer.parseInt(System.getenv().getOrDefault("ALMANAC_BENCH_PG_PORT", "15432"));
                say("Starting a fresh embedded PostgreSQL 17 on 127.0.0.1:%d (data in %s)", port, work.resolve("pg"));
                database = BenchDatabase.embedded(work.resolve("pg"), port);
            }
            wrk = new Wrk(work.resolve("wrk"), plan);
            pgbench = new PgBench(work.resolve("pgbench"), plan, database);
            try (Seeder seeder = new Seeder(plan, database)) {
                if (database.count("select count(*) from events") > 0) {
                    throw new IllegalStateException("the database already holds events; give the benchmark an empty one");
                }
                long t = System.nanoTime();
                say("Seeding %d accounts (%d through the sign-up use case with Argon2id), %d calendars, %,d busy-calendar"
                                + " events, filler up to %,d events", plan.accounts(), plan.registeredAccounts(),
                        plan.calendars(), plan.busyEvents(), plan.eventSteps().get(0));
                seeder.seedBase();
                seeder.seedTo(plan.eventSteps().get(0));
                analyze();
                say("Seeded in %.1f s", (System.nanoTime() - t) / 1e9);
                boolean first = true;
                for (Path jdk : jdks) {
                    startup(jdk);
                    try (Service service = start(jdk)) {
                        String token = HttpLoad.signIn(Seeder.email(1));
                        if (first) {
                            scaling(seeder, service, token);
                            seriesCalendar(seeder);
                        }
                        scenarios(service, jdk, token, first || plan.pgbenchOnEveryJdk(), first);
                        if (service.ranOutOfMemory()) {
                            results.notes.add("The service on " + service.jdk() + " hit an OutOfMemoryError with "
                                    + String.join(" ", Service.HEAP) + ".");
                        }
                    } finally {
                        current = null;
                    }
                    first = false;
                }
            }
            jmh();
            results.notes.add("Service: " + String.join(" ", Service.HEAP) + ", default pool (10 connections), "
                    + "request log at INFO. Load generator, service and PostgreSQL share the machine's "
                    + Runtime.getRuntime().availableProcessors() + " cores.");
            if (!Service.extraOptions().isEmpty()) {
                results.notes.add("Extra service options (ALMANAC_BENCH_SERVICE_JAVA_OPTIONS), so the figures are not "
                        + "comparable with a plain run: " + String.join(" ", Service.extraOptions()));
            }
            results.notes.add("No OutOfMemoryError in any service log unless noted above; service logs are in " + logs);
            return results;
        }

        private void machine() {
            results.machine.put("cores", Runtime.getRuntime().availableProcessors());
            try {
                String cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream()
                        .filter(l -> l.startsWith("model name")).findFirst().map(l -> l.replaceFirst(".*:\\s*", ""))
                        .orElse("unknown");
                results.machine.put("cpu", cpu);
                String mem = Files.readAllLines(Path.of("/proc/meminfo")).get(0).replaceAll("[^0-9]", "");
                results.machine.put("memoryGiB", Math.round(Long.parseLong(mem) / 1024.0 / 1024.0));
            } catch (IOException | RuntimeException e) {
                results.machine.put("cpu", "unknown");
            }
            results.machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
            results.machine.put("mode", plan.mode());
            results.machine.put("concurrency", plan.concurrency());
        }

        private void analyze() {
            database.execute("vacuum analyze");
        }

        private Service start(Path jdk) {
            services++;
            Service service = Service.start(jdk, serviceJar, database, work.resolve("service-data"),
                    logs.resolve("service-" + services + "-" + jdk.getFileName() + ".log"), work.resolve("service.pid"));
            current = service;
            return service;
        }

        /**
         * The get scenario once more, on {@link BareEndpoint} instead of the service: issue 3's reference, a bare
         * Javalin + HikariCP + Jdbi endpoint, with the same JDK, heap, wrk load and pgbench reference (this JDK's
         * select pass, run interleaved with the service's get). The service stays up, idle, meanwhile. No target:
         * it is a yardstick for the get row's ratio. If it fails, the run goes on without it, with a note.
         */
        private void bareGet(Path javaHome, String token, int c) {
            String jdk = javaHome.getFileName().toString();
            say("[%s] get event by id on the bare stack (Javalin + HikariCP + Jdbi, no authentication or checks)", jdk);
            Path log = logs.resolve("bare-" + services + "-" + jdk + ".log");
            // A warm-up budget of its own: the bare JVM starts cold, and its warm-up must not shorten those of the
            // service's scenarios that follow it.
            Duration serviceBudget = extraWarmupLeft;
            extraWarmupLeft = plan.warmupBudget().isZero() ? Duration.ZERO : plan.warmupLimit();
            try (Service bare = Service.startBare(javaHome, benchJar(), database, log, work.resolve("bare.pid"))) {
                bareService = bare;
                Duration warmed = warmUp(d -> wrk.run("get", token, c, d, bare), bare);
                // Runs of half the usual length in whole seconds (wrk's unit), at least 2 s: it is a yardstick, and the
                // full mode must stay under 15 minutes.
                Duration run = Duration.ofSeconds(Math.max(2, (plan.run().toSeconds() + 1) / 2));
                var http = new ArrayList<dev.almanac.bench.Run>();
                for (int r = 0; r < plan.runs(); r++) {
                    http.add(wrk.run("get", token, c, run, bare));
                }
                String reference = latestPgbench("select");
                results.rows.add(new Results.Row(BARE_GET, jdk, "closed, " + c + " connections (wrk), "
                        + warmedUp(warmed) + ", runs of " + run.toSeconds() + " s", http, Optional.of(reference),
                        Optional.empty()));
                say("  %.0f req/s", Results.median(http, dev.almanac.bench.Run::throughput));
            } catch (RuntimeException e) {
                // A yardstick that fails must not cost the run its figures.
                say("  the bare endpoint failed, going on without it: %s (see %s)", e.getMessage(), log);
                results.notes.add("The bare-stack get on " + jdk + " failed: " + e.getMessage() + " (see " + log + ").");
            } finally {
                bareService = null;
                extraWarmupLeft = serviceBudget;
            }
        }

        /**
         * More sign-ins at once than the service hashes at once (ADR 0033): each Argon2id hash holds 19 MiB while it
         * runs, and sixteen at once ran a 256 MiB heap out of memory in a JVM running only the hasher. The others
         * wait; the row shows the throughput the cores give, the wait in the latencies, and any error; an
         * OutOfMemoryError shows in the notes. Full mode only ({@link Plan#signInBurstRun()}), and on the first JDK
         * only (17), where requests run on platform threads: on JDK 21+ a hash keeps its virtual thread's carrier
         * until it is done, which bounded hashes at once to the carriers before (ADR 0033), and the full mode must
         * stay under 15 minutes. A run holds a few dozen sign-ins, so its p99 is close to its maximum.
         */
        private void signInBurst(HttpLoad load, Service service) {
            if (plan.signInBurstRun().isZero()) {
                return;
            }
            say("[%s] a burst of sign-ins: %d clients at once", service.jdk(), Plan.SIGN_IN_BURST);
            var runs = new ArrayList<dev.almanac.bench.Run>();
            for (int r = 0; r < plan.runs(); r++) {
                runs.add(load.closed(load.scenario("sign-in"), Plan.SIGN_IN_BURST, Duration.ZERO, plan.signInBurstRun(),
                        service));
            }
            results.rows.add(new Results.Row("sign-in burst (Argon2id, turns of ADR 0033)", service.jdk(), "closed, "
                    + Plan.SIGN_IN_BURST + " clients, no warm-up, runs of " + plan.signInBurstRun().toSeconds() + " s", runs,
                    Optional.empty(), Optional.empty()));
            say("  %.0f sign-ins/s, p99 %.0f ms", Results.median(runs, dev.almanac.bench.Run::throughput),
                    Results.median(runs, dev.almanac.bench.Run::p99));
        }

        /** The row name of the last pgbench pass of {@code statement} (its runs on the latest JDK that ran one). */
        private String latestPgbench(String statement) {
            return results.pgbench.stream().filter(p -> p.statement().startsWith(statement + " "))
                    .reduce((a, b) -> b).map(Results.PgRow::statement).orElse(statement);
        }

        private static Path benchJar() {
            try {
                return Path.of(Harness.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            } catch (URISyntaxException e) {
                throw new IllegalStateException("cannot tell where the harness's jar is", e);
            }
        }

        private void startup(Path jdk) {
            say("Start-up to ready on %s, 3 times, against the running database", jdk.getFileName());
            // Not measured: the first start after a build records the class-data archive that later starts map
            // (bin/almanac, ADR 0027), as the first start of a deployment does.
            try (Service service = start(jdk)) {
                say("  a first start, not measured (it records the class-data archive): %.0f ms",
                        service.readyMillis());
            } finally {
                current = null;
            }
            var spawn = new ArrayList<Double>();
            var self = new ArrayList<Double>();
            Service.Reading before = Service.Reading.machine();
            for (int i = 0; i < 3; i++) {
                try (Service service = start(jdk)) {
                    spawn.add(service.readyMillis());
                    self.add(service.selfReportedReadyMillis());
                } finally {
                    current = null;
                }
            }
            double steal = Service.Reading.machine().since(before).stealCores();
            say("  %s: %s ms (steal %.2f cores)", jdk.getFileName(), spawn, steal);
            results.startup.add(new Results.StartupRow(jdk.getFileName().toString(), spawn, self, steal));
        }

        private void scaling(Seeder seeder, Service service, String token) {
            var load = new HttpLoad(plan, token, versions);
            for (int step = 0; step < plan.eventSteps().size(); step++) {
                long events = plan.eventSteps().get(step);
                if (step > 0) {
                    long t = System.nanoTime();
                    say("Seeding up to %,d events", events);
                    seeder.seedTo(events);
                    analyze();
                    say("  seeded in %.1f s", (System.nanoTime() - t) / 1e9);
                }
                say("Scaling: one week of a busy calendar at %,d events, 1 client, %d runs", events, plan.runs());
                load.closed(load.scenario("week"), 1, Duration.ZERO, plan.warmup(), service);
                pgbench.run("range", 1, Duration.ofSeconds(1));
                var http = new ArrayList<dev.almanac.bench.Run>();
                var pg = new ArrayList<dev.almanac.bench.Run>();
                for (int r = 0; r < plan.runs(); r++) {
                    http.add(load.closed(load.scenario("week"), 1, Duration.ZERO, plan.run(), service));
                    pg.add(pgbench.run("range", 1, plan.run()));
                }
                say("  HTTP p50 %.2f ms, pgbench p50 %.3f ms", Results.median(http, dev.almanac.bench.Run::p50),
                        Results.median(pg, dev.almanac.bench.Run::p50));
                results.scaling.add(new Results.ScalingRow(events, http, pg));
            }
        }

        /** Issue 4's series calendar, seeded after the scaling steps so they measure the sizes they name. */
        private void seriesCalendar(Seeder seeder) {
            say("Seeding the series calendar: %,d series (overrides on one in ten) and %,d single events",
                    Plan.SERIES, Plan.SERIES_SINGLES);
            long t = System.nanoTime();
            Seeder.SeriesCalendar seeded = seeder.seedSeriesCalendar();
            analyze();
            double seconds = (System.nanoTime() - t) / 1e9;
            say("  seeded in %.1f s; in the week of %s, %,d of the %,d series have %,d occurrences (the domain's count)",
                    seconds, Plan.SERIES_WEEK, seeded.seriesInWeek(), seeded.series(), seeded.occurrencesInWeek());
            results.seriesWeek.put("calendar", Seeder.calendar(plan.seriesCalendar()).value().toString());
            results.seriesWeek.put("series", seeded.series());
            results.seriesWeek.put("seriesWithOverrides", seeded.seriesWithOverrides());
            results.seriesWeek.put("singleEvents", seeded.singles());
            results.seriesWeek.put("seedingSeconds", Math.round(seconds * 10) / 10.0);
            results.seriesWeek.put("week", Plan.SERIES_WEEK + "/" + Plan.SERIES_WEEK.plus(Duration.ofDays(7)));
            results.seriesWeek.put("seriesWithOccurrencesInWeek", seeded.seriesInWeek());
            results.seriesWeek.put("occurrencesInWeekBeforeOverrides", seeded.occurrencesInWeek());
        }

        /**
         * One week of the series calendar, 1 client, after checking once that the answer really holds occurrences
         * of series (the check pages through the whole week; the measured request asks for the first page only).
         */
        private void seriesWeek(HttpLoad load, Service service) {
            String jdk = service.jdk();
            say("[%s] one week of the series calendar (%,d series, %,d single events), 1 client", jdk, Plan.SERIES,
                    Plan.SERIES_SINGLES);
            HttpLoad.SeriesWeekAnswer answer;
            try {
                answer = load.checkSeriesWeek();
            } catch (IOException e) {
                throw new UncheckedIOException("could not check the series week's answer", e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted", e);
            }
            say("  the answer: first page %d items, %d of them occurrences; the whole week %d occurrences of %d series"
                            + " and %d single events (%d pages of 500)", answer.firstPageItems(),
                    answer.firstPageOccurrences(), answer.occurrences(), answer.seriesWithOccurrences(),
                    answer.singles(), answer.pages());
            results.seriesWeek.put("answer (" + jdk + ")", answer.asMap());
            // One client at tens of milliseconds a request sends too few requests in a short warm-up for the JIT to
            // finish compiling the expansion (a first run saw 3.6 s of compilation in 9 s): warm up by count.
            long warmed = 0;
            long warmUntil = System.nanoTime() + SERIES_WARMUP_LIMIT.toNanos();
            while (warmed < SERIES_WARMUP_REQUESTS && System.nanoTime() < warmUntil) {
                warmed += load.closed(load.scenario("series-week"), 1, Duration.ZERO, plan.warmup(), service).count();
            }
            var runs = new ArrayList<dev.almanac.bench.Run>();
            for (int r = 0; r < plan.runs(); r++) {
                runs.add(load.closed(load.scenario("series-week"), 1, Duration.ZERO, plan.run(), service));
            }
            results.rows.add(new Results.Row("list one week, " + String.format("%,d series + %,d events", Plan.SERIES,
                    Plan.SERIES_SINGLES), jdk, "closed, 1 client", runs, Optional.empty(), Optional.empty(),
                    Optional.of(SERIES_WEEK_P50_MS)));
            say("  p50 %.2f ms (target < %.0f ms)", Results.median(runs, dev.almanac.bench.Run::p50), SERIES_WEEK_P50_MS);
        }

        private void scenarios(Service service, Path javaHome, String token, boolean withPgbench,
                               boolean withSignInBurst) {
            String jdk = service.jdk();
            extraWarmupLeft = plan.warmupBudget();
            int c = plan.concurrency();
            var load = new HttpLoad(plan, token, versions);

            say("[%s] sign-in (Argon2id), 2 clients", jdk);
            Duration signInWarmed = warmUp(d -> load.closed(load.scenario("sign-in"), 2, Duration.ZERO, d, service),
                    service);
            var signIns = new ArrayList<dev.almanac.bench.Run>();
            for (int r = 0; r < plan.runs(); r++) {
                signIns.add(load.closed(load.scenario("sign-in"), 2, Duration.ZERO, plan.run(), service));
            }
            results.rows.add(new Results.Row("sign-in (Argon2id)", jdk, "closed, 2 clients, " + warmedUp(signInWarmed),
                    signIns,
                    Optional.empty(), Optional.empty()));

            for (String[] s : THROUGHPUT) {
                say("[%s] %s: wrk, %d connections%s", jdk, s[0], c, withPgbench ? ", beside pgbench " + s[2] : "");
                Duration warmed = warmUp(d -> wrk.run(s[1], token, c, d, service), service);
                if (withPgbench) {
                    pgbench.run(s[2], c, Duration.ofSeconds(1));
                }
                var http = new ArrayList<dev.almanac.bench.Run>();
                var pg = new ArrayList<dev.almanac.bench.Run>();
                for (int r = 0; r < plan.runs(); r++) {
                    http.add(wrk.run(s[1], token, c, plan.run(), service));
                    if (withPgbench) {
                        pg.add(pgbench.run(s[2], c, plan.run()));
                    }
                }
                if (withPgbench) {
                    results.pgbench.add(new Results.PgRow(s[2] + " (" + jdk + " pass)", c, pg));
                }
                String reference = latestPgbench(s[2]);
                results.rows.add(new Results.Row(s[0], jdk, "closed, " + c + " connections (wrk), " + warmedUp(warmed),
                        http,
                        Optional.of(reference), Optional.of(Double.parseDouble(s[3]))));
                say("  %.0f req/s%s", Results.median(http, dev.almanac.bench.Run::throughput),
                        withPgbench ? String.format(", pgbench %.0f tx/s", Results.median(pg, dev.almanac.bench.Run::throughput)) : "");
            }

            bareGet(javaHome, token, c);
            seriesWeek(load, service);

            say("[%s] update an event with If-Match, %d clients", jdk, c);
            Duration updateWarmed = warmUp(d -> load.closed(load.scenario("update"), c, Duration.ZERO, d, service),
                    service);
            var updates = new ArrayList<dev.almanac.bench.Run>();
            for (int r = 0; r < plan.runs(); r++) {
                updates.add(load.closed(load.scenario("update"), c, Duration.ZERO, plan.run(), service));
            }
            results.rows.add(new Results.Row("update event (PATCH, If-Match)", jdk, "closed, " + c + " clients, "
                    + warmedUp(updateWarmed), updates,
                    Optional.empty(), Optional.empty()));

            List<IntFunction<HttpLoad.Operation>> mix = List.of(load.scenario("get"), load.scenario("week"),
                    load.scenario("get"), load.scenario("week"), load.scenario("create"), load.scenario("get"),
                    load.scenario("week"), load.scenario("get"), load.scenario("week"), load.scenario("update"));
            say("[%s] the mix (4 get : 4 week : 1 create : 1 update), closed loop, %d clients: its maximum", jdk, c);
            IntFunction<HttpLoad.Operation> cycling = worker -> {
                HttpLoad.Operation[] ops = mix.stream().map(m -> m.apply(worker)).toArray(HttpLoad.Operation[]::new);
                return new HttpLoad.Operation() {
                    private int i;

                    @Override
                    public void prepare() throws IOException, InterruptedException {
                        ops[i % ops.length].prepare();
                    }

                    @Override
                    public int call() throws IOException, InterruptedException {
                        return ops[i++ % ops.length].call();
                    }
                };
            };
            Duration mixWarmed = warmUp(d -> load.closed(cycling, c, Duration.ZERO, d, service), service);
            var maxRuns = new ArrayList<dev.almanac.bench.Run>();
            for (int r = 0; r < plan.runs(); r++) {
                maxRuns.add(load.closed(cycling, c, Duration.ZERO, plan.run(), service));
            }
            double max = Results.median(maxRuns, dev.almanac.bench.Run::throughput);
            results.rows.add(new Results.Row("mix, maximum", jdk, "closed, " + c + " clients, " + warmedUp(mixWarmed),
                    maxRuns,
                    Optional.empty(), Optional.empty()));
            double rate = Math.max(1, Math.floor(max / 2));
            say("[%s] the mix at a fixed %.0f req/s (half the maximum), latency from the intended send time", jdk, rate);
            var open = new ArrayList<dev.almanac.bench.Run>();
            for (int r = 0; r < plan.runs(); r++) {
                open.add(load.open(mix, rate, plan.warmup(), plan.run(), service));
            }
            results.rows.add(new Results.Row("mix at half the maximum", jdk,
                    String.format("open, %.0f req/s", rate), open, Optional.empty(), Optional.empty()));
            say("  p99 %.2f ms, errors %d", Results.median(open, dev.almanac.bench.Run::p99),
                    open.stream().mapToLong(dev.almanac.bench.Run::errors).sum());

            // Last, so its garbage and its sessions touch none of the rows with targets.
            if (withSignInBurst) {
                signInBurst(load, service);
            }
        }

        /**
         * Warms a scenario up with {@code round}: for the plan's warm-up, then on in rounds of a second for as long
         * as the service's JIT compiler threads were busier than {@link #JIT_QUIET_CORES} in the round before, up to
         * the plan's limit per scenario and within what is left of the JDK's budget. A run measured while C2 is still
         * compiling the scenario's code measures the compiler too: in a full run (2026-11-22) the compiler took
         * 0.3-0.5 of the machine's two cores through the first two of the three create runs after a fixed 3-second
         * warm-up, and the create figure was the median of those.
         *
         * @return how long the warm-up took
         */
        private Duration warmUp(java.util.function.Consumer<Duration> round, Service service) {
            long start = System.nanoTime();
            long limit = start + Math.min(plan.warmupLimit().toNanos(),
                    plan.warmup().toNanos() + extraWarmupLeft.toNanos());
            Duration next = plan.warmup();
            double jit;
            while (true) {
                Service.Reading before = service.read();
                round.accept(next);
                jit = service.read().since(before).jitCores();
                // NaN (counters unreadable) ends the warm-up as quiet would: never an endless loop.
                if (!(jit > JIT_QUIET_CORES) || System.nanoTime() + 1_000_000_000L > limit) {
                    break;
                }
                next = Duration.ofSeconds(1);
            }
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            Duration extra = took.minus(plan.warmup());
            if (!extra.isNegative()) {
                extraWarmupLeft = extraWarmupLeft.minus(extra);
                if (extraWarmupLeft.isNegative()) {
                    extraWarmupLeft = Duration.ZERO;
                }
            }
            say("  warmed up for %.0f s (JIT %.2f cores in the last round%s)", took.toMillis() / 1000.0, jit,
                    jit > JIT_QUIET_CORES ? ", still busy: limit reached" : "");
            return took;
        }

        private static String warmedUp(Duration took) {
            return "warm-up " + Math.round(took.toMillis() / 1000.0) + " s";
        }

        private void jmh() {
            say("JMH: the domain's hot paths (1 fork, %d iterations of %s)", plan.jmhIterations(), plan.jmhRun());
            var options = new OptionsBuilder().include(DomainBenchmarks.class.getName())
                    .include(SeriesWindowBenchmarks.class.getName())
                    .forks(1).warmupIterations(plan.jmhIterations())
                    .warmupTime(TimeValue.milliseconds(plan.jmhWarmup().toMillis()))
                    .measurementIterations(plan.jmhIterations())
                    .measurementTime(TimeValue.milliseconds(plan.jmhRun().toMillis()))
                    .jvmArgs("-Xmx256m").shouldFailOnError(true).verbosity(VerboseMode.SILENT).build();
            try {
                var runs = new ArrayList<>(new Runner(options).run());
                runs.sort(Comparator.comparing(r -> r.getParams().getBenchmark()));
                for (RunResult r : runs) {
                    String name = r.getParams().getBenchmark().replaceFirst(".*\\.", "");
                    results.jmh.add(new Results.JmhRow(name, r.getPrimaryResult().getScore(),
                            r.getPrimaryResult().getScoreError(), r.getPrimaryResult().getScoreUnit()));
                }
            } catch (RunnerException e) {
                results.notes.add("JMH failed: " + e.getMessage());
            }
        }

        private static void deleteRecursively(Path dir) throws IOException {
            if (!Files.exists(dir)) {
                return;
            }
            try (Stream<Path> paths = Files.walk(dir)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                    try {
                        Files.delete(p);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
    }
}
