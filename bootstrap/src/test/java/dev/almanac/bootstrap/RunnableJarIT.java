package dev.almanac.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The newcomer's path, end to end: {@code bin/almanac} (the README's start command, which runs {@code java -jar
 * bootstrap/target/almanac.jar}) with nothing configured starts an embedded PostgreSQL, serves, keeps data and the
 * signing secret across a restart, and stops cleanly on SIGTERM; its first start records the class-data archive
 * and the second maps it (ADR 0027).
 */
class RunnableJarIT {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dataDir;

    @Test
    void the_jar_serves_keeps_its_data_across_a_restart_and_stops_cleanly_on_sigterm() throws Exception {
        int port = freePort();
        String token;
        String calendarId;

        Path jar = Files.copy(Path.of(jar()), Files.createDirectories(dataDir.resolve("dist")).resolve("almanac.jar"));
        RunningJar first = RunningJar.start(dataDir, port, jar, "-Xmx256m");
        try {
            assertThat(get(port, "/health", null).body()).contains("\"UP\"");
            assertThat(post(port, "/v1/accounts", null,
                    "{\"email\":\"ada@example.org\",\"password\":\"correct horse battery\",\"displayName\":\"Ada\"}")
                    .statusCode()).isEqualTo(201);
            HttpResponse<String> login = post(port, "/v1/auth/token", null,
                    "{\"email\":\"ada@example.org\",\"password\":\"correct horse battery\"}");
            assertThat(login.statusCode()).isEqualTo(200);
            token = field(login.body(), "accessToken");
            HttpResponse<String> created = post(port, "/v1/calendars", token,
                    "{\"name\":\"Work\",\"timeZone\":\"Europe/Berlin\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            calendarId = field(created.body(), "id");
        } finally {
            first.stopWithSigterm();
        }
        assertThat(first.exitCode()).as("exit code after SIGTERM").isIn(0, 143);
        assertThat(first.log()).contains("Almanac stopped").doesNotContain("[cds]");
        try (var files = Files.list(jar.getParent())) {
            assertThat(files.map(f -> f.getFileName().toString()).toList()).as("the archive the first start recorded")
                    .anyMatch(name -> name.matches("almanac-\\d+\\.jsa"))
                    .noneMatch(name -> name.endsWith(".partial"));
        }

        RunningJar second = RunningJar.start(dataDir, port, jar, "-Xmx256m");
        assertThat(second.options()).anyMatch(option -> option.startsWith("-XX:SharedArchiveFile="));
        try {
            HttpResponse<String> again = get(port, "/v1/calendars/" + calendarId, token);
            assertThat(again.statusCode()).as("the old token still verifies and the calendar survived: " + again.body())
                    .isEqualTo(200);
            assertThat(again.body()).contains("\"Work\"");
        } finally {
            second.stopWithSigterm();
        }

        // JDK 17 crashes at start when a flight recording starts with a JVM that maps a dynamic archive: with
        // one in the JVM options, the script starts without the archive.
        RunningJar recorded = RunningJar.start(dataDir, port, jar,
                "-Xmx256m -XX:StartFlightRecording=filename=" + dataDir.resolve("start.jfr"));
        try {
            assertThat(recorded.options()).noneMatch(option -> option.contains("SharedArchiveFile")
                    || option.contains("ArchiveClassesAtExit"));
            assertThat(get(port, "/health", null).statusCode()).isEqualTo(200);
        } finally {
            recorded.stopWithSigterm();
        }
    }

    @Test
    void invalid_configuration_stops_the_start_with_a_message_naming_the_variable() throws Exception {
        Path log = Files.createTempFile(dataDir, "almanac", ".log");
        var builder = new ProcessBuilder(java(), "-jar", jar())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("ALMANAC_HTTP_PORT", "not-a-port");
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("ALMANAC_HTTP_PORT");
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as(name + " in " + json).isTrue();
        return m.group(1);
    }

    private static HttpResponse<String> get(int port, String path, String token) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> post(int port, String path, String token, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static String jar() {
        String jar = System.getProperty("almanac.jar", "target/almanac.jar");
        assertThat(Path.of(jar)).as("the packaged jar").exists();
        return jar;
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    @Test
    void the_start_script_refuses_a_missing_jar_and_says_how_to_build_it() throws Exception {
        Path log = Files.createTempFile(dataDir, "almanac", ".log");
        var builder = new ProcessBuilder(script().toString()).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("ALMANAC_JAR", dataDir.resolve("nowhere.jar").toString());
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).isEqualTo(1);
        assertThat(Files.readString(log)).contains("nowhere.jar is missing").contains("mvn -B -DskipTests package");
    }

    /** The README's start script, {@code bin/almanac} at the project's root. */
    static Path script() {
        Path script = Path.of(System.getProperty("user.dir")).resolve("../bin/almanac").normalize();
        assertThat(script).as("the start script").isExecutable();
        return script;
    }

    /** The jar started by the start script as a child process (the script becomes the JVM), output to a file. */
    private record RunningJar(Process process, Path logFile, List<String> options) {

        static RunningJar start(Path dataDir, int port, Path jar, String javaOptions) throws Exception {
            Path log = Files.createTempFile(dataDir.getParent(), "almanac", ".log");
            var builder = new ProcessBuilder(script().toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().keySet().removeIf(k -> k.startsWith("ALMANAC_"));
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            builder.environment().put("JAVA_OPTS", javaOptions);
            builder.environment().put("ALMANAC_JAR", jar.toString());
            builder.environment().put("ALMANAC_DATA_DIR", dataDir.toString());
            builder.environment().put("ALMANAC_HTTP_PORT", Integer.toString(port));
            builder.environment().put("ALMANAC_HTTP_HOST", "127.0.0.1");
            Process process = builder.start();
            new RunningJar(process, log, List.of()).awaitHealthy(port);
            // Read while it runs: the JVM options the script started it with.
            return new RunningJar(process, log, process.info().arguments().map(List::of).orElseThrow());
        }

        void awaitHealthy(int port) throws Exception {
            Instant deadline = Instant.now().plusSeconds(120);
            while (Instant.now().isBefore(deadline)) {
                if (!process.isAlive()) {
                    throw new AssertionError("the jar exited early with " + process.exitValue() + ":\n" + log());
                }
                try {
                    if (get(port, "/health", null).statusCode() == 200) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(200);
            }
            process.destroyForcibly();
            throw new AssertionError("the jar did not become healthy in time:\n" + log());
        }

        void stopWithSigterm() throws Exception {
            process.destroy(); // SIGTERM on Unix
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("the jar did not stop within 60 s of SIGTERM:\n" + log());
            }
        }

        int exitCode() {
            return process.exitValue();
        }


        String log() throws IOException {
            return Files.readString(logFile);
        }
    }
}
