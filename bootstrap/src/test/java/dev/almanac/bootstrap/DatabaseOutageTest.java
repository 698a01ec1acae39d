package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A fault test on real PostgreSQL: the database refuses connections and drops the ones it had. Requests answer
 * 503 with Retry-After (never a 500 or a hang), health says DOWN, nothing is half-written, and the service
 * recovers by itself when the database is back.
 */
class DatabaseOutageTest {

    @TempDir
    Path dataDir;

    private TestDatabase.Fresh database;
    private Almanac almanac;
    private JsonHttp anonymous;

    @BeforeEach
    void start() {
        database = TestDatabase.fresh();
        var config = new Config("127.0.0.1", 0, Optional.of(database.jdbcUrl()), database.user(), database.password(),
                4, dataDir, Optional.empty(), Duration.ofMinutes(15));
        almanac = Almanac.start(config, new MicrosecondClock());
        anonymous = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
    }

    @AfterEach
    void stop() {
        almanac.close();
    }

    @Test
    void requests_answer_503_while_the_database_is_away_and_succeed_again_when_it_is_back() throws Exception {
        anonymous.post("/v1/accounts", object("email", "ada@example.org", "password", "correct horse battery staple",
                "displayName", "Ada")).expect(201);
        var signedIn = anonymous.post("/v1/auth/token", object("email", "ada@example.org",
                "password", "correct horse battery staple")).expect(200).json();
        String token = signedIn.get("accessToken").asText();
        String refreshToken = signedIn.get("refreshToken").asText();
        JsonHttp ada = anonymous.withToken(token);
        String calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "UTC")).expect(201)
                .header("Location");
        String event = ada.post(calendar + "/events", object("title", "Standup",
                "start", object("dateTime", "2026-03-10T09:00:00", "timeZone", "UTC"),
                "end", object("dateTime", "2026-03-10T09:15:00", "timeZone", "UTC"))).expect(201).header("Location");

        // From the maintenance database: a database cannot refuse connections to itself.
        String maintenance = database.jdbcUrl().replace("/" + database.name(), "/postgres");
        try (Connection admin = DriverManager.getConnection(maintenance, database.user(), database.password());
             Statement sql = admin.createStatement()) {
            sql.execute("alter database \"" + database.name() + "\" with allow_connections false");
            sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
                    + database.name() + "'");

            Reply refused = ada.patch(calendar, object("name", "Renamed during the outage"));
            refused.expect(503);
            assertThat(refused.json().get("code").asText()).isEqualTo("service.unavailable");
            assertThat(refused.header("Retry-After")).isEqualTo("5");
            // The event routes read and write through plain JDBC (DirectStatements), not Jdbi: the same answer.
            ada.get(event).problem(503, "service.unavailable");
            ada.post(calendar + "/events", object("title", "Lost in the outage",
                    "start", object("dateTime", "2026-03-11T09:00:00", "timeZone", "UTC"),
                    "end", object("dateTime", "2026-03-11T09:15:00", "timeZone", "UTC")))
                    .problem(503, "service.unavailable");
            assertThat(anonymous.get("/health").status()).isEqualTo(503);
            anonymous.post("/v1/auth/refresh", object("refreshToken", refreshToken)).expect(503);

            sql.execute("alter database \"" + database.name() + "\" with allow_connections true");
        }

        Instant deadline = Instant.now().plusSeconds(30);
        Reply back = ada.get(calendar);
        while (back.status() != 200 && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            back = ada.get(calendar);
        }
        back.expect(200);
        assertThat(back.json().get("name").asText()).as("the refused rename was not half-applied").isEqualTo("Work");
        assertThat(anonymous.get("/health").status()).isEqualTo(200);
        assertThat(ada.get(calendar + "/events?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z").expect(200)
                .json().get("items")).as("the refused create stored nothing").hasSize(1);
        // A refresh refused during the outage did not burn the token.
        anonymous.post("/v1/auth/refresh", object("refreshToken", refreshToken)).expect(200);
    }
}
