package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.RateLimit;
import dev.almanac.adapter.http.RateLimits;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.domain.security.LoginThrottle;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service on PostgreSQL with the real Argon2id hasher: 60 wrong sign-ins at once on one account. The
 * lock engages, at most twice the threshold are checked, and locked, wrong and unknown answers are identical.
 */
class LockoutRaceTest {
    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dataDir;

    @Test
    void sixty_parallel_wrong_sign_ins_lock_the_account_and_no_more_than_twice_the_threshold_are_processed()
            throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        // The race comes from one address: the per-address limit (docs/adr/0017) is lifted to test the lock alone.
        var config = new Config("127.0.0.1", 0, Optional.of(db.jdbcUrl()), db.user(), db.password(), 8, dataDir,
                Optional.empty(), Duration.ofMinutes(15)).withRateLimits(new RateLimits(
                new RateLimit("sign_in", 1000, Duration.ofMinutes(1)), RateLimits.DEFAULTS.signUp(),
                RateLimits.DEFAULTS.resend()));
        try (Almanac almanac = Almanac.start(config)) {
            JsonHttp http = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada")).expect(201);
            // One request id for every compared answer, so the bodies may be compared whole.
            Reply unknown = http.post("/v1/auth/token", object("email", "nobody@example.org", "password", PASSWORD),
                    "X-Request-Id", "race");

            ExecutorService pool = Executors.newFixedThreadPool(20);
            Set<String> bodies = new HashSet<>();
            try {
                List<Callable<Reply>> attempts = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    attempts.add(() -> http.post("/v1/auth/token", object("email", "ada@example.org",
                            "password", "not the password at all"), "X-Request-Id", "race"));
                }
                for (var f : pool.invokeAll(attempts)) {
                    Reply reply = f.get();
                    assertThat(reply.status()).isEqualTo(401);
                    bodies.add(reply.body());
                }
            } finally {
                pool.shutdownNow();
            }
            Reply locked = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD),
                    "X-Request-Id", "race");

            assertThat(bodies).containsExactly(unknown.body());
            assertThat(locked.status()).isEqualTo(401);
            assertThat(locked.body()).isEqualTo(unknown.body());
            try (Connection c = db.dataSource().getConnection(); Statement sql = c.createStatement();
                 ResultSet rs = sql.executeQuery("select failures, locked_until is not null from login_throttles")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).as("password checks processed").isBetween(1, 2 * LoginThrottle.THRESHOLD);
                assertThat(rs.getBoolean(2)).as("locked").isTrue();
            }
        }
    }
}
