package dev.almanac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * The harness's own HTTP load: a closed loop (N workers, each sending as soon as its last answer came) and an
 * open model (sends on a fixed timetable, latency measured from each request's intended send time, so a stalled
 * service shows up as latency instead of as fewer requests: no coordinated omission). Both are bounded in time and
 * count. Traffic goes to 127.0.0.1 only.
 */
final class HttpLoad {
    /** Events each worker owns for the update scenario, so two workers never race for one event's version. */
    private static final int PATCH_SLICE = 20;
    private static final int MAX_OPEN_WORKERS = 64;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2)).build();
    private final String base = "http://127.0.0.1:" + Service.PORT;
    private final Plan plan;
    private final String token;
    /** The last version the harness saw for each patched busy event, kept across scenarios and services. */
    private final Map<Long, Long> versions;

    HttpLoad(Plan plan, String token, Map<Long, Long> versions) {
        this.plan = plan;
        this.token = token;
        this.versions = versions;
    }

    /** An operation one worker performs repeatedly; {@link #prepare} runs outside the measured time. */
    interface Operation {
        default void prepare() throws IOException, InterruptedException {
        }

        int call() throws IOException, InterruptedException;
    }

    static String signIn(String email) {
        HttpClient client = HttpClient.newHttpClient();
        try {
            HttpResponse<String> response = client.send(signInRequest(email), HttpResponse.BodyHandlers.ofString());
            Matcher m = Pattern.compile("\"accessToken\"\\s*:\\s*\"([^\"]+)\"").matcher(response.body());
            if (response.statusCode() != 200 || !m.find()) {
                throw new IllegalStateException("sign-in failed with " + response.statusCode());
            }
            return m.group(1);
        } catch (IOException e) {
            throw new IllegalStateException("sign-in failed: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static HttpRequest signInRequest(String email) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + Service.PORT + "/v1/auth/token"))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"email\":\"" + email + "\",\"password\":\"" + Seeder.PASSWORD + "\"}"))
                .build();
    }

    // --- the operations ---

    IntFunction<Operation> scenario(String name) {
        switch (name) {
            case "create": return this::create;
            case "get": return this::get;
            case "week": return this::week;
            case "series-week": return worker -> () -> status(authorized(seriesWeekPath()).GET().build());
            case "update": return this::update;
            case "sign-in": return worker -> () -> status(signInRequest(Seeder.email(1 + worker % plan.registeredAccounts())));
            default: throw new IllegalArgumentException("unknown scenario " + name);
        }
    }

    private HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + token);
    }

    private int status(HttpRequest request) throws IOException, InterruptedException {
        return client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private Operation create(int worker) {
        var random = new SplittableRandom(1_000 + worker);
        String path = "/v1/calendars/" + Seeder.calendar(plan.writeCalendar()).value() + "/events";
        LocalDateTime zero = LocalDateTime.ofInstant(Plan.WEEK_ZERO, ZoneOffset.UTC);
        return () -> {
            LocalDateTime start = zero.plusDays(random.nextInt(plan.weeks() * 7)).withHour(8 + random.nextInt(10));
            String body = "{\"title\":\"Created by the benchmark\",\"description\":\"One more meeting.\","
                    + "\"location\":\"Room 7\",\"start\":{\"dateTime\":\"" + start + "\",\"timeZone\":\"Europe/Berlin\"},"
                    + "\"end\":{\"dateTime\":\"" + start.plusMinutes(45) + "\",\"timeZone\":\"Europe/Berlin\"}}";
            return status(authorized(path).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build());
        };
    }

    private String eventPath(long n) {
        long calendar = (n - 1) / plan.busyEventsPerCalendar() + 1;
        return "/v1/calendars/" + Seeder.calendar((int) calendar).value() + "/events/"
                + BenchIds.of(BenchIds.BUSY_EVENT, n);
    }

    private Operation get(int worker) {
        var random = new SplittableRandom(2_000 + worker);
        return () -> status(authorized(eventPath(1 + random.nextLong(plan.busyEvents()))).GET().build());
    }

    private Operation week(int worker) {
        var random = new SplittableRandom(3_000 + worker);
        return () -> {
            int calendar = 1 + random.nextInt(plan.busyCalendars());
            Instant from = Plan.WEEK_ZERO.plus(7L * random.nextInt(plan.weeks()), ChronoUnit.DAYS);
            return status(authorized("/v1/calendars/" + Seeder.calendar(calendar).value() + "/events?from=" + from
                    + "&to=" + from.plus(7, ChronoUnit.DAYS)).GET().build());
        };
    }

    /** One week of the series calendar ({@link Plan#SERIES_WEEK}), as a client asks for it: default expansion and page. */
    private String seriesWeekPath() {
        return "/v1/calendars/" + Seeder.calendar(plan.seriesCalendar()).value() + "/events?from=" + Plan.SERIES_WEEK
                + "&to=" + Plan.SERIES_WEEK.plus(7, ChronoUnit.DAYS);
    }

    /** What the series week's answer holds: the measured first page, and the whole week paged through. */
    record SeriesWeekAnswer(int firstPageItems, int firstPageOccurrences, int occurrences, int seriesWithOccurrences,
                            int singles, int pages) {
        Map<String, Object> asMap() {
            var m = new java.util.LinkedHashMap<String, Object>();
            m.put("firstPageItems", firstPageItems);
            m.put("firstPageOccurrences", firstPageOccurrences);
            m.put("occurrences", occurrences);
            m.put("seriesWithOccurrences", seriesWithOccurrences);
            m.put("singleEvents", singles);
            m.put("pagesOf500", pages);
            return m;
        }
    }

    /**
     * Asks once, outside any timing, for the page the series scenario measures and then for the whole week (500
     * items a page, following {@code nextCursor}), and counts occurrences (items with a {@code seriesId}), the
     * series they come from, and single events; refuses an answer without occurrences, so the series figure can
     * never be the time of an empty or series-less answer.
     */
    SeriesWeekAnswer checkSeriesWeek() throws IOException, InterruptedException {
        JsonNode first = json(seriesWeekPath());
        int firstOccurrences = 0;
        for (JsonNode item : first.path("items")) {
            firstOccurrences += item.hasNonNull("seriesId") ? 1 : 0;
        }
        var series = new java.util.HashSet<String>();
        int occurrences = 0;
        int singles = 0;
        int pages = 0;
        Optional<String> cursor = Optional.empty();
        do {
            JsonNode page = json(seriesWeekPath() + "&limit=500"
                    + cursor.map(c -> "&cursor=" + URLEncoder.encode(c, StandardCharsets.UTF_8)).orElse(""));
            pages++;
            for (JsonNode item : page.path("items")) {
                if (item.hasNonNull("seriesId")) {
                    occurrences++;
                    series.add(item.get("seriesId").asText());
                } else {
                    singles++;
                }
            }
            cursor = Optional.ofNullable(page.get("nextCursor")).filter(JsonNode::isTextual).map(JsonNode::asText);
        } while (cursor.isPresent() && pages < 100);
        var answer = new SeriesWeekAnswer(first.path("items").size(), firstOccurrences, occurrences, series.size(),
                singles, pages);
        if (firstOccurrences == 0 || occurrences == 0) {
            throw new IllegalStateException("the series week's answer holds no occurrences of series: " + answer);
        }
        return answer;
    }

    private JsonNode json(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = client.send(authorized(path).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return MAPPER.readTree(response.body());
    }

    /**
     * A PATCH with {@code If-Match}: the worker cycles through its own events, knowing each one's version from
     * the last ETag it got (fetched once with a GET, outside the measured time, when it does not know it yet).
     */
    private Operation update(int worker) {
        long first = plan.busyEvents() / 2 + (long) worker * PATCH_SLICE + 1;
        return new Operation() {
            private long next = first;
            private int edits;

            @Override
            public void prepare() throws IOException, InterruptedException {
                if (!versions.containsKey(next)) {
                    HttpResponse<Void> response = client.send(authorized(eventPath(next)).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    response.headers().firstValue("ETag").ifPresent(tag -> versions.put(next, version(tag)));
                }
            }

            @Override
            public int call() throws IOException, InterruptedException {
                long n = next;
                next = next + 1 < first + PATCH_SLICE ? next + 1 : first;
                Long known = versions.get(n);
                var request = authorized(eventPath(n)).header("Content-Type", "application/merge-patch+json");
                if (known != null) {
                    request.header("If-Match", "\"" + known + "\"");
                }
                String body = "{\"title\":\"Team meeting " + n + " (edit " + (++edits) + ")\"}";
                HttpResponse<Void> response = client.send(
                        request.method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                        HttpResponse.BodyHandlers.discarding());
                var tag = response.headers().firstValue("ETag");
                if (response.statusCode() == 200 && tag.isPresent()) {
                    versions.put(n, version(tag.get()));
                } else {
                    versions.remove(n);
                }
                return response.statusCode();
            }
        };
    }

    private static long version(String etag) {
        return Long.parseLong(etag.replace("W/", "").replace("\"", "").trim());
    }

    // --- the two load models ---

    /** {@code concurrency} workers back to back: warm-up, then the measured window. */
    Run closed(IntFunction<Operation> scenario, int concurrency, Duration warmup, Duration run, Service service) {
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + run.toNanos();
        var recorder = new Recorder(3);
        var statuses = new ConcurrentHashMap<String, LongAdder>();
        Thread[] workers = new Thread[concurrency];
        for (int w = 0; w < concurrency; w++) {
            Operation op = scenario.apply(w);
            workers[w] = new Thread(() -> {
                while (System.nanoTime() < measureTo) {
                    try {
                        op.prepare();
                    } catch (IOException | InterruptedException e) {
                        continue;
                    }
                    long t0 = System.nanoTime();
                    String status = call(op);
                    long t1 = System.nanoTime();
                    if (t0 >= measureFrom && t1 <= measureTo) {
                        recorder.recordValue(Math.max(1, (t1 - t0) / 1_000));
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                }
            }, "load-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        return measure(recorder, statuses, workers, measureFrom, measureTo, service);
    }

    /**
     * Sends at {@code rate} per second on a fixed timetable, the operations drawn in turn from {@code mix}; a
     * request that finds no free worker waits, and that wait counts in its latency.
     */
    Run open(List<IntFunction<Operation>> mix, double rate, Duration warmup, Duration run, Service service) {
        long intervalNanos = (long) (1e9 / rate);
        long start = System.nanoTime() + 50_000_000;
        long measureFrom = start + warmup.toNanos();
        long measureTo = measureFrom + run.toNanos();
        var recorder = new Recorder(3);
        var statuses = new ConcurrentHashMap<String, LongAdder>();
        var next = new AtomicLong();
        int workerCount = MAX_OPEN_WORKERS;
        Thread[] workers = new Thread[workerCount];
        for (int w = 0; w < workerCount; w++) {
            int worker = w;
            Operation[] ops = mix.stream().map(s -> s.apply(worker)).toArray(Operation[]::new);
            workers[w] = new Thread(() -> {
                while (true) {
                    long i = next.getAndIncrement();
                    long intended = start + i * intervalNanos;
                    if (intended >= measureTo) {
                        return;
                    }
                    long wait;
                    while ((wait = intended - System.nanoTime()) > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    Operation op = ops[(int) (i % ops.length)];
                    String status;
                    try {
                        op.prepare();
                        status = call(op);
                    } catch (IOException | InterruptedException e) {
                        status = "io";
                    }
                    long done = System.nanoTime();
                    if (intended >= measureFrom) {
                        recorder.recordValue(Math.max(1, (done - intended) / 1_000));
                        statuses.computeIfAbsent(status, s -> new LongAdder()).increment();
                    }
                }
            }, "open-" + w);
            workers[w].setDaemon(true);
            workers[w].start();
        }
        return measure(recorder, statuses, workers, measureFrom, measureTo, service);
    }

    private static String call(Operation op) {
        try {
            return String.valueOf(op.call());
        } catch (IOException | InterruptedException e) {
            return "io";
        }
    }

    private static Run measure(Recorder recorder, Map<String, LongAdder> statuses, Thread[] workers,
                               long measureFrom, long measureTo, Service service) {
        sleepUntil(measureFrom);
        Service.Reading before = service.read();
        sleepUntil(measureTo);
        Service.Cpu cpu = service.read().since(before);
        for (Thread worker : workers) {
            try {
                worker.join(15_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        Histogram histogram = recorder.getIntervalHistogram();
        double seconds = (measureTo - measureFrom) / 1e9;
        var counts = new java.util.TreeMap<String, Long>();
        statuses.forEach((k, v) -> counts.put(k, v.sum()));
        return Run.of(histogram, seconds, counts, cpu, service.peakRssMib());
    }

    private static void sleepUntil(long nanoTime) {
        long wait;
        while ((wait = nanoTime - System.nanoTime()) > 0) {
            LockSupport.parkNanos(Math.min(wait, 100_000_000));
        }
    }
}
