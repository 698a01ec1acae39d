package dev.almanac.bench;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/**
 * The reference issue 3 names for the get-by-id scenario: "a bare Javalin + HikariCP + Jdbi endpoint with no auth or
 * validation". It answers {@code GET /v1/calendars/{calendarId}/events/{eventId}} (the service's path, so the same
 * wrk script drives it) with pgbench's select through Jdbi, the row as JSON through Javalin's Jackson mapper, and
 * {@code 404} when there is none. No authentication, no checks of the ids beyond parsing them, no access log, no
 * domain objects, no ETag. The harness starts it in a JVM of its own on the same JDK and heap as the service, with
 * the same pool size (10), virtual threads on JDK 21+ and the same two Javalin settings the service tunes (the copy
 * buffer and the compression check, see {@code HttpApi}); its ratio to pgbench's select in the same run is a
 * yardstick for the service's get, not a ceiling: the service reads its row through plain JDBC, which costs less
 * than Jdbi's statement machinery.
 *
 * <p>Configured by environment: {@code BARE_PORT}, {@code BARE_DATABASE_URL}, {@code BARE_DATABASE_USER},
 * {@code BARE_DATABASE_PASSWORD} (may be empty). {@code GET /health} answers {@code 200} once it serves.
 */
public final class BareEndpoint {
    private static final String SELECT = "select " + PgBench.COLUMNS
            + " from events e join calendars c on c.id = e.calendar_id where e.id = ? and e.calendar_id = ?";

    private BareEndpoint() {
    }

    public static void main(String[] args) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(required("BARE_DATABASE_URL"));
        config.setUsername(required("BARE_DATABASE_USER"));
        String password = System.getenv().getOrDefault("BARE_DATABASE_PASSWORD", "");
        if (!password.isEmpty()) {
            config.setPassword(password);
        }
        config.setMaximumPoolSize(10);
        HikariDataSource pool = new HikariDataSource(config);
        Jdbi jdbi = Jdbi.create(pool);
        Javalin app = Javalin.create(javalin -> {
            javalin.startup.showJavalinBanner = false;
            javalin.concurrency.useVirtualThreads = Runtime.version().feature() >= 21;
            // As the service (HttpApi): a 4 KiB copy buffer instead of a fresh 32 KiB one per answer, and JSON
            // known to be compressible instead of searched for among the already compressed types.
            javalin.http.responseBufferSize = 4096;
            CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
            gzip.setAllowedMimeTypes(List.of("application/json"));
            javalin.http.compressionStrategy = gzip;
            javalin.routes.get("/health", ctx -> ctx.result("ok"));
            javalin.routes.get("/v1/calendars/{calendarId}/events/{eventId}", ctx -> {
                UUID calendar = UUID.fromString(ctx.pathParam("calendarId"));
                UUID event = UUID.fromString(ctx.pathParam("eventId"));
                Optional<Map<String, Object>> row = jdbi.withHandle(handle -> handle.createQuery(SELECT)
                        .bind(0, event).bind(1, calendar).mapToMap().findOne());
                if (row.isPresent()) {
                    ctx.json(row.get());
                } else {
                    ctx.status(404);
                }
            });
        });
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            app.stop();
            pool.close();
        }, "bare-endpoint-stop"));
        app.start("127.0.0.1", Integer.parseInt(required("BARE_PORT")));
    }

    private static String required(String name) {
        String value = System.getenv(name);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " is not set");
        }
        return value;
    }
}
