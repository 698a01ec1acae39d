package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.UUID;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PostgresPersistenceTest {

    private static Account ada() {
        return Account.register(new AccountId(UUID.randomUUID()), EmailAddress.of("ada@example.org"),
                new DisplayName("Ada"), new PasswordHash("$fake$g1$x"), Instant.parse("2026-03-01T12:00:00Z"));
    }

    @Nested
    class Connecting {
        @Test
        void connecting_to_an_empty_database_migrates_it_and_serves_the_repositories() {
            TestDatabase.Fresh database = TestDatabase.freshEmpty();
            Account ada = ada();

            try (PostgresPersistence persistence = PostgresPersistence.connect(new DatabaseSettings(
                    database.jdbcUrl(), database.user(), database.password(), 2))) {
                persistence.accounts().add(ada);

                assertThat(persistence.accounts().byId(ada.id())).contains(ada);
                assertThat(persistence.isHealthy()).isTrue();
            }
        }

        @Test
        void after_close_the_owned_pool_is_gone_and_the_adapter_reports_unhealthy() {
            TestDatabase.Fresh database = TestDatabase.fresh();
            PostgresPersistence persistence = PostgresPersistence.connect(new DatabaseSettings(
                    database.jdbcUrl(), database.user(), database.password(), 2));

            persistence.close();

            assertThat(persistence.isHealthy()).isFalse();
        }

        @Test
        void a_database_that_is_not_there_fails_at_once_naming_where_and_who_but_not_the_password() throws IOException {
            int closedPort;
            try (ServerSocket socket = new ServerSocket(0)) {
                closedPort = socket.getLocalPort();
            }
            String url = "jdbc:postgresql://127.0.0.1:" + closedPort + "/almanac";
            long started = System.nanoTime();

            assertThatThrownBy(() -> PostgresPersistence.connect(new DatabaseSettings(url, "almanac",
                    "s3cret-password", 2)))
                    .isInstanceOf(DatabaseUnavailableException.class)
                    .hasMessageContaining(url)
                    .hasMessageContaining("'almanac'")
                    .hasMessageContaining("refused")
                    .message().doesNotContain("s3cret-password");
            assertThat((System.nanoTime() - started) / 1_000_000).as("milliseconds to fail").isLessThan(10_000);
        }
    }

    @Nested
    class OnABorrowedDataSource {
        @Test
        void closing_the_adapter_leaves_the_borrowed_pool_open() {
            TestDatabase.Fresh database = TestDatabase.fresh();

            PostgresPersistence.onDataSource(database.dataSource()).close();

            assertThat(database.dataSource().isClosed()).isFalse();
            assertThat(PostgresPersistence.onDataSource(database.dataSource()).isHealthy()).isTrue();
        }

        @Test
        void migrating_twice_applies_the_migrations_once() {
            TestDatabase.Fresh database = TestDatabase.freshEmpty();

            PostgresPersistence.onDataSource(database.dataSource());
            PostgresPersistence.onDataSource(database.dataSource());

            long applied = Jdbi.create(database.dataSource()).withHandle(h -> h.createQuery(
                    "select count(*) from flyway_schema_history where version = '1' and success").mapTo(Long.class)
                    .one());
            assertThat(applied).isEqualTo(1);
        }

        @Test
        void a_database_whose_applied_migration_was_edited_is_refused() {
            TestDatabase.Fresh database = TestDatabase.fresh();
            Jdbi.create(database.dataSource()).useHandle(h -> h.execute(
                    "update flyway_schema_history set checksum = checksum + 1 where version = '1'"));

            assertThatThrownBy(() -> PostgresPersistence.onDataSource(database.dataSource()))
                    .isInstanceOf(FlywayException.class)
                    .hasMessageContaining("checksum");
        }
    }

    @Nested
    class Settings {
        @Test
        void the_password_never_shows_in_the_settings_text() {
            DatabaseSettings settings = new DatabaseSettings("jdbc:postgresql://db:5432/almanac", "almanac",
                    "s3cret-password", 10);

            assertThat(settings.toString()).contains("jdbc:postgresql://db:5432/almanac", "almanac", "redacted")
                    .doesNotContain("s3cret-password");
        }

        @Test
        void a_url_that_is_not_a_postgresql_jdbc_url_is_refused() {
            assertThatThrownBy(() -> new DatabaseSettings("postgres://db/almanac", "u", "p", 10))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("jdbc:postgresql:");
        }

        @Test
        void a_pool_of_no_connections_is_refused() {
            assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://db/almanac", "u", "p", 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPoolSize");
        }

        @Test
        void missing_settings_are_refused() {
            assertThatThrownBy(() -> new DatabaseSettings(null, "u", "p", 1)).isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://db/a", null, "p", 1))
                    .isInstanceOf(NullPointerException.class);
            assertThatThrownBy(() -> new DatabaseSettings("jdbc:postgresql://db/a", "u", null, 1))
                    .isInstanceOf(NullPointerException.class);
        }
    }
}
