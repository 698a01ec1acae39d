package dev.almanac.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One running service, started as the README starts it: {@code bin/almanac}, which runs {@code java -jar
 * almanac.jar} (here with a fixed heap of 256 MiB, {@link #HEAP}) on a given JDK with its class-data archive (ADR
 * 0027; the first start on a JDK records it), against the bench database, on 127.0.0.1 only. The script replaces
 * itself with the JVM, so the PID is the JVM's and the harness can read its CPU time and peak RSS from
 * {@code /proc}.
 */
final class Service implements AutoCloseable {
    static final int PORT = Integer.parseInt(System.getenv().getOrDefault("ALMANAC_BENCH_HTTP_PORT", "18080"));
    /** Where {@link BareEndpoint} listens: the next port. */
    static final int BARE_PORT = PORT + 1;
    /**
     * The service's heap: fixed at 256 MiB, {@code -Xms} equal to {@code -Xmx} (docs/adr/0032). With
     * {@code -Xmx256m} alone, G1 on JDK 25 shrank the heap to about 127 MiB under load, and the mix's p99 at half
     * its maximum missed its target in most full runs; with the heap fixed it met it in most (the ADR lists them).
     */
    static final List<String> HEAP = List.of("-Xms256m", "-Xmx256m");
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(90);
    private static final long CLOCK_TICKS_PER_SECOND = 100;

    private final Process process;
    private final Path log;
    private final String jdk;
    private final int port;
    private final long readyNanos;

    private Service(Process process, Path log, String jdk, int port, long readyNanos) {
        this.process = process;
        this.log = log;
        this.jdk = jdk;
        this.port = port;
        this.readyNanos = readyNanos;
    }

    /**
     * Extra JVM options for the service only ({@code ALMANAC_BENCH_SERVICE_JAVA_OPTIONS}), e.g. a flight recording
     * while profiling; none by default. The results' notes list them, since they make the figures incomparable.
     */
    static List<String> extraOptions() {
        String extra = System.getenv().getOrDefault("ALMANAC_BENCH_SERVICE_JAVA_OPTIONS", "").strip();
        return extra.isEmpty() ? List.of() : List.of(extra.split("\\s+"));
    }

    static Service start(Path javaHome, Path jar, BenchDatabase database, Path dataDir, Path log, Path pidFile) {
        try {
            Files.createDirectories(dataDir);
            Files.createDirectories(log.getParent());
            var options = new ArrayList<>(HEAP);
            options.addAll(extraOptions());
            var builder = new ProcessBuilder(List.of(Path.of("bin/almanac").toAbsolutePath().toString()));
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("ALMANAC_"));
            env.put("JAVA_HOME", javaHome.toString());
            env.put("JAVA_OPTS", String.join(" ", options));
            env.put("ALMANAC_JAR", jar.toAbsolutePath().toString());
            env.put("ALMANAC_HTTP_HOST", "127.0.0.1");
            env.put("ALMANAC_HTTP_PORT", String.valueOf(PORT));
            env.put("ALMANAC_DATABASE_URL", database.jdbcUrl());
            env.put("ALMANAC_DATABASE_USER", database.user());
            if (!database.password().isEmpty()) {
                env.put("ALMANAC_DATABASE_PASSWORD", database.password());
            }
            env.put("ALMANAC_DATA_DIR", dataDir.toString());
            env.put("ALMANAC_ACCESS_TOKEN_TTL", "PT2H");
            // The load comes from one address: measure the service, not its per-address limits.
            env.put("ALMANAC_RATE_LIMIT_SIGN_IN", "100000000/PT1S");
            env.put("ALMANAC_RATE_LIMIT_SIGN_UP", "100000000/PT1S");
            return launch(builder, javaHome, log, pidFile, PORT, "the service");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the service", e);
        }
    }

    /**
     * {@link BareEndpoint} from the harness's own jar, on the given JDK with the service's heap, against the bench
     * database, on {@link #BARE_PORT}. Closing it stops it as the service is stopped.
     */
    static Service startBare(Path javaHome, Path benchJar, BenchDatabase database, Path log, Path pidFile) {
        // Something else answering /health on that port would be measured instead.
        try (ServerSocket probe = new ServerSocket()) {
            probe.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), BARE_PORT));
        } catch (IOException inUse) {
            throw new IllegalStateException("port " + BARE_PORT + " (ALMANAC_BENCH_HTTP_PORT + 1) is in use", inUse);
        }
        try {
            Files.createDirectories(log.getParent());
            var command = new ArrayList<String>();
            command.add(javaHome.resolve("bin/java").toString());
            command.addAll(HEAP);
            command.addAll(List.of("-cp", benchJar.toString(), BareEndpoint.class.getName()));
            var builder = new ProcessBuilder(command);
            Map<String, String> env = builder.environment();
            env.put("BARE_PORT", String.valueOf(BARE_PORT));
            env.put("BARE_DATABASE_URL", database.jdbcUrl());
            env.put("BARE_DATABASE_USER", database.user());
            env.put("BARE_DATABASE_PASSWORD", database.password());
            return launch(builder, javaHome, log, pidFile, BARE_PORT, "the bare endpoint");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the bare endpoint", e);
        }
    }

    /** Starts {@code builder} with its output appended to {@code log}, records its PID and waits until it serves. */
    private static Service launch(ProcessBuilder builder, Path javaHome, Path log, Path pidFile, int port, String what)
            throws IOException {
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        long started = System.nanoTime();
        Process process = builder.start();
        Files.writeString(pidFile, process.pid() + "\n");
        return new Service(process, log, javaHome.getFileName().toString(), port,
                awaitReady(process, started, log, port, what));
    }

    /**
     * Polls /health every 5 ms until it answers 200; the time from spawning the JVM to that answer. Whatever stops
     * the wait (a timeout, an interrupt) kills the process, so no JVM is left holding the port.
     */
    private static long awaitReady(Process process, long started, Path log, int port, String what) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = started + READY_TIMEOUT.toNanos();
        try {
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException(what + " exited with " + process.exitValue() + " before it was "
                            + "ready; see " + log);
                }
                try {
                    if (client.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return System.nanoTime() - started;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while waiting for " + what, e);
                }
                sleepMillis(5);
            }
            throw new IllegalStateException(what + " was not ready within " + READY_TIMEOUT + "; see " + log);
        } catch (RuntimeException e) {
            kill(process);
            throw e;
        }
    }

    String jdk() {
        return jdk;
    }

    /** The port it listens on. */
    int port() {
        return port;
    }

    long pid() {
        return process.pid();
    }

    /** Milliseconds from spawning the JVM to the first 200 from /health (JVM start, pool, migrations, HTTP). */
    double readyMillis() {
        return readyNanos / 1e6;
    }

    /** What the service says about its own start ("ready on port ... in N ms": after JVM start). */
    double selfReportedReadyMillis() {
        try {
            Matcher m = Pattern.compile("ready on port \\d+ in (\\d+) ms").matcher(Files.readString(log));
            double last = Double.NaN;
            while (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
            return last;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    boolean ranOutOfMemory() {
        try {
            return Files.readString(log).contains("OutOfMemoryError");
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * CPU over a stretch of time, in cores busy on average: the service's, all of it and its JIT compiler's, and the
     * machine's steal, the time the hypervisor gave to other guests while ours had work (a busy host shows here).
     */
    record Cpu(double cores, double jitCores, double stealCores) {
    }

    /**
     * A reading of the service's CPU counters; {@link #since} turns two of them into {@link Cpu}. The compiler's
     * time is kept per thread: HotSpot starts and stops compiler threads as its backlog grows and shrinks (on more
     * cores than two), and a thread that ends takes its time out of any plain sum. A thread seen only in the later
     * reading began within the stretch and counts whole; one that ended within it loses what it did after the first
     * reading (an undercount, never a negative figure).
     */
    record Reading(double cpuSeconds, Map<String, Long> compilerTicks, long stealTicks, long nanoTime) {
        /** The machine's counters alone, for a stretch without a service (pgbench's). */
        static Reading machine() {
            return new Reading(Double.NaN, null, machineStealTicks(), System.nanoTime());
        }

        Cpu since(Reading earlier) {
            double seconds = (nanoTime - earlier.nanoTime) / 1e9;
            double jit = Double.NaN;
            if (compilerTicks != null && earlier.compilerTicks != null) {
                long ticks = 0;
                for (Map.Entry<String, Long> thread : compilerTicks.entrySet()) {
                    ticks += thread.getValue() - earlier.compilerTicks.getOrDefault(thread.getKey(), 0L);
                }
                jit = cores(ticks, seconds);
            }
            double steal = stealTicks < 0 || earlier.stealTicks < 0 ? Double.NaN
                    : cores(stealTicks - earlier.stealTicks, seconds);
            return new Cpu((cpuSeconds - earlier.cpuSeconds) / seconds, jit, steal);
        }
    }

    /** Clock ticks spent over {@code seconds}, as cores busy on average. */
    private static double cores(long ticks, double seconds) {
        return ticks / (double) CLOCK_TICKS_PER_SECOND / seconds;
    }

    /** User plus system clock ticks from a {@code /proc/.../stat} line (its fields 14 and 15). */
    private static long cpuTicks(String stat) {
        // After the command in parentheses, the first field is field 3 (state).
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    Reading read() {
        return new Reading(cpuSeconds(), compilerTicks(), machineStealTicks(), System.nanoTime());
    }

    /**
     * Steal time of all the machine's CPUs so far, in clock ticks: the eighth figure of {@code /proc/stat}'s
     * {@code cpu} line (Linux 2.6.11 and later); -1 when it cannot be read.
     */
    static long machineStealTicks() {
        try (var lines = Files.lines(Path.of("/proc/stat"))) {
            String[] fields = lines.findFirst().orElse("").trim().split("\\s+");
            return fields.length > 8 && fields[0].equals("cpu") ? Long.parseLong(fields[8]) : -1;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU seconds (user + system) the service has used so far, from /proc/PID/stat. */
    double cpuSeconds() {
        try {
            return cpuTicks(Files.readString(Path.of("/proc", String.valueOf(pid()), "stat")))
                    / (double) CLOCK_TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }

    /**
     * CPU clock ticks (user + system) of each of the JVM's JIT compiler threads ({@code C1 CompilerThread*},
     * {@code C2 CompilerThread*}) alive now, by thread id, from /proc/PID/task/TID/stat; null when they cannot be read.
     */
    Map<String, Long> compilerTicks() {
        var ticks = new java.util.HashMap<String, Long>();
        try (var tasks = Files.list(Path.of("/proc", String.valueOf(pid()), "task"))) {
            for (Path task : (Iterable<Path>) tasks::iterator) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    ticks.put(task.getFileName().toString(), cpuTicks(stat));
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
        return Map.copyOf(ticks);
    }

    /** The service's peak resident set size so far (VmHWM), in MiB. */
    double peakRssMib() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid()), "status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return Double.NaN;
    }

    static void sleepMillis(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** SIGTERM (the service closes HTTP, pool and database in order), then SIGKILL after 15 s. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(15, TimeUnit.SECONDS)) {
                kill(process);
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            kill(process);
            Thread.currentThread().interrupt();
        }
    }

    /**
     * SIGKILL to the process and whatever it started: the start script stays the JVM's parent on the start that
     * records the class-data archive, and killing the script alone would leave the JVM holding the port.
     */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
