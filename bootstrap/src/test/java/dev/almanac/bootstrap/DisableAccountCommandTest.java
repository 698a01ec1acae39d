package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar almanac.jar disable-account <email>}, run beside a running server on the same database. */
class DisableAccountCommandTest {
    private static final byte[] SECRET = "a shared replica secret of 32+ bytes....".getBytes(UTF_8);
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path serverData;
    @TempDir
    Path commandData;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(Map<String, String> env, String... args) {
        return AdminCommand.run(args, env, new PrintStream(out, true, UTF_8), new PrintStream(err, true, UTF_8));
    }

    /** The server's database, as the operator's shell would name it. */
    private Map<String, String> environment(TestDatabase.Fresh db) {
        Map<String, String> env = new HashMap<>(Map.of("ALMANAC_DATABASE_URL", db.jdbcUrl(),
                "ALMANAC_DATABASE_USER", db.user(), "ALMANAC_DATA_DIR", commandData.toString()));
        if (!db.password().isEmpty()) {
            env.put("ALMANAC_DATABASE_PASSWORD", db.password());
        }
        return env;
    }

    @Test
    void the_operator_disables_an_account_and_every_way_in_closes() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        Config config = new Config("127.0.0.1", 0, Optional.of(db.jdbcUrl()), db.user(), db.password(), 4,
                serverData, Optional.of(SECRET), Duration.ofMinutes(15));
        Map<String, String> env = new HashMap<>(environment(db));
        env.put("ALMANAC_TOKEN_SECRET", Base64.getEncoder().encodeToString(SECRET));
        try (Almanac almanac = Almanac.start(config)) {
            JsonHttp http = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD, "displayName", "Ada"))
                    .expect(201);
            var tokens = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD))
                    .expect(200).json();
            JsonHttp ada = http.withToken(tokens.get("accessToken").asText());
            ada.get("/v1/me").expect(200);

            assertThat(run(env, "disable-account", "Ada@Example.org")).isEqualTo(AdminCommand.OK);
            assertThat(out.toString(UTF_8)).contains("ada@example.org").contains("DISABLED");

            // The command is another process to the service: the service hears of the ended sessions (ADR 0028).
            AccountSecurityEndToEndTest.awaitStatus(ada, 401, Duration.ofSeconds(3));
            ada.get("/v1/me").problem(401, "auth.token_invalid");
            http.post("/v1/auth/refresh", object("refreshToken", tokens.get("refreshToken").asText()))
                    .problem(401, "auth.refresh_token_invalid");
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD))
                    .problem(401, "auth.account_disabled");

            assertThat(disabledEntries(db)).as("the audit trail names the command, not a client")
                    .containsExactly("success|none|disable-account-");

            assertThat(run(env, "disable-account", "ada@example.org")).as("again: no harm").isEqualTo(AdminCommand.OK);
            assertThat(run(env, "disable-account", "nobody@example.org")).isEqualTo(AdminCommand.FAILED);
            assertThat(err.toString(UTF_8)).contains("no account has the address nobody@example.org");
        }
    }

    /** The account.disabled entries: outcome, address (none for a command) and the request id's prefix. */
    private static List<String> disabledEntries(TestDatabase.Fresh db) {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                select outcome, coalesce(ip, 'none'), request_id from audit_log
                 where event = 'account.disabled' and actor_id is not null order by occurred_at
                """); ResultSet rs = s.executeQuery()) {
            List<String> entries = new ArrayList<>();
            while (rs.next()) {
                entries.add(rs.getString(1) + "|" + rs.getString(2) + "|"
                        + rs.getString(3).replaceAll("[0-9a-f-]{36}$", ""));
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void bad_usage_is_refused_before_anything_is_opened() {
        assertThat(run(Map.of(), "disable-account")).isEqualTo(AdminCommand.USAGE);
        assertThat(run(Map.of(), "enable-account", "ada@example.org")).isEqualTo(AdminCommand.USAGE);
        assertThat(run(Map.of("ALMANAC_NOPE", "x"), "disable-account", "ada@example.org"))
                .isEqualTo(AdminCommand.USAGE);
        assertThat(err.toString(UTF_8)).contains("usage: java -jar almanac.jar disable-account <email>")
                .contains("ALMANAC_NOPE");
    }

    @Test
    void a_malformed_address_is_refused() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        Map<String, String> env = environment(db);
        assertThat(run(env, "disable-account", "not an address")).isEqualTo(AdminCommand.USAGE);
        assertThat(err.toString(UTF_8)).contains("email");
    }
}
