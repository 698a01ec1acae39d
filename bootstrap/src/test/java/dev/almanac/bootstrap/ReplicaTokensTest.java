package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two replicas on one PostgreSQL: they share the signing keys, so each accepts the other's tokens. */
class ReplicaTokensTest {
    private static final byte[] SECRET = "a shared replica secret of 32+ bytes....".getBytes(UTF_8);

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private static Config config(TestDatabase.Fresh db, Path dataDir, byte[] secret) {
        return new Config("127.0.0.1", 0, Optional.of(db.jdbcUrl()), db.user(), db.password(), 2, dataDir,
                Optional.of(secret), Duration.ofMinutes(15));
    }

    private static JsonHttp client(Almanac almanac) {
        return JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
    }

    @Test
    void a_token_signed_by_one_replica_is_accepted_by_the_other_and_both_publish_one_key() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (Almanac a = Almanac.start(config(db, dataA, SECRET));
             Almanac b = Almanac.start(config(db, dataB, SECRET))) {
            client(a).post("/v1/accounts", object("email", "ada@example.org", "password",
                    "correct horse battery staple", "displayName", "Ada")).expect(201);
            var tokens = client(a).post("/v1/auth/token", object("email", "ada@example.org", "password",
                    "correct horse battery staple")).expect(200).json();

            client(b).withToken(tokens.get("accessToken").asText()).get("/v1/me").expect(200);
            var refreshed = client(b).post("/v1/auth/refresh",
                    object("refreshToken", tokens.get("refreshToken").asText())).expect(200).json();
            client(a).withToken(refreshed.get("accessToken").asText()).get("/v1/me").expect(200);
            assertThat(client(a).get("/.well-known/jwks.json").expect(200).json())
                    .isEqualTo(client(b).get("/.well-known/jwks.json").expect(200).json());
            assertThat(client(a).get("/.well-known/jwks.json").json().get("keys")).hasSize(1);
        }
        try (Connection c = db.dataSource().getConnection(); Statement sql = c.createStatement();
             ResultSet rs = sql.executeQuery("select wrapped_private_key from signing_keys")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getBytes(1)).hasSizeGreaterThan(48);
        }
    }

    @Test
    void a_replica_given_another_secret_refuses_to_start_and_says_why() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (Almanac a = Almanac.start(config(db, dataA, SECRET))) {
            byte[] other = "a different secret, also 32+ bytes long".getBytes(UTF_8);

            assertThatThrownBy(() -> Almanac.start(config(db, dataB, other)).close())
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessageContaining("ALMANAC_TOKEN_SECRET");
            assertThat(a.port()).isPositive();
        }
    }
}
