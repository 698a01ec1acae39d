package dev.almanac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The closed-loop create, get and week scenarios through wrk (a C load generator that costs little CPU). */
final class Wrk {
    private final Path script;
    private final Path dir;
    private final Plan plan;
    private final ObjectMapper json = new ObjectMapper();

    Wrk(Path dir, Plan plan) {
        this.dir = dir;
        this.plan = plan;
        this.script = dir.resolve("wrk-scenario.lua");
        try (InputStream in = Wrk.class.getResourceAsStream("/wrk-scenario.lua")) {
            Files.createDirectories(dir);
            Files.write(script, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One wrk run of {@code duration}; the service's CPU and peak RSS are read around it. */
    Run run(String scenario, String token, int concurrency, Duration duration, Service service) {
        Map<String, String> env = new HashMap<>();
        env.put("BENCH_SCENARIO", scenario);
        env.put("BENCH_TOKEN", token);
        env.put("BENCH_CALENDAR_PREFIX", BenchIds.prefix(BenchIds.CALENDAR));
        env.put("BENCH_EVENT_PREFIX", BenchIds.prefix(BenchIds.BUSY_EVENT));
        env.put("BENCH_BUSY_CALENDARS", String.valueOf(plan.busyCalendars()));
        env.put("BENCH_EVENTS_PER_CALENDAR", String.valueOf(plan.busyEventsPerCalendar()));
        env.put("BENCH_WEEKS", String.valueOf(plan.weeks()));
        env.put("BENCH_WEEK_ZERO_EPOCH", String.valueOf(Plan.WEEK_ZERO.getEpochSecond()));
        env.put("BENCH_WRITE_CALENDAR", String.valueOf(plan.writeCalendar()));
        long seconds = Math.max(1, duration.toSeconds());
        Service.Reading before = service.read();
        Tools.Output out = Tools.run(List.of("wrk", "-t", String.valueOf(Math.min(2, concurrency)), "-c",
                String.valueOf(concurrency), "-d", seconds + "s", "--timeout", "5s", "-s", script.toString(),
                "http://127.0.0.1:" + service.port()), env, dir, Duration.ofSeconds(seconds + 30));
        Service.Cpu cpu = service.read().since(before);
        String line = out.text().lines().filter(l -> l.startsWith("BENCH_JSON ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("wrk printed no figures (exit " + out.exit() + "):\n"
                        + out.text()));
        try {
            JsonNode n = json.readTree(line.substring("BENCH_JSON ".length()));
            double secs = n.get("durationUs").asDouble() / 1e6;
            var statuses = new TreeMap<String, Long>();
            n.get("statuses").fields().forEachRemaining(e -> statuses.put(e.getKey(), e.getValue().asLong()));
            long io = n.get("connect").asLong() + n.get("read").asLong() + n.get("write").asLong()
                    + n.get("timeout").asLong();
            if (io > 0) {
                statuses.put("io", io);
            }
            return new Run(n.get("requests").asDouble() / secs, n.get("p50").asDouble() / 1000,
                    n.get("p90").asDouble() / 1000, n.get("p99").asDouble() / 1000, n.get("max").asDouble() / 1000,
                    n.get("requests").asLong(), statuses, cpu.cores(), cpu.jitCores(), service.peakRssMib(),
                    cpu.stealCores());
        } catch (IOException e) {
            throw new UncheckedIOException("unreadable wrk figures: " + line, e);
        }
    }
}
