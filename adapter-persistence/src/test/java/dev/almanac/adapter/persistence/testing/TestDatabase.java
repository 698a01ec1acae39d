package dev.almanac.adapter.persistence.testing;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.almanac.adapter.persistence.PostgresPersistence;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * PostgreSQL for tests: one server per JVM, one fresh database per caller.
 *
 * <p>The server is the one {@code ALMANAC_TEST_DATABASE_URL} names (a database on it that the user
 * {@code ALMANAC_TEST_DATABASE_USER} / {@code ALMANAC_TEST_DATABASE_PASSWORD} may create databases from), or,
 * when that is unset, an embedded PostgreSQL 17 started on first use. Each {@link #fresh()} creates a new
 * database {@code almanac_test_<random>}, so test classes never see each other's rows. At JVM exit the pools
 * are closed, the databases dropped (on an external server) and the embedded server stopped.
 */
public final class TestDatabase {
    public static final String URL_VARIABLE = "ALMANAC_TEST_DATABASE_URL";
    public static final String USER_VARIABLE = "ALMANAC_TEST_DATABASE_USER";
    public static final String PASSWORD_VARIABLE = "ALMANAC_TEST_DATABASE_PASSWORD";

    private static final SecureRandom RANDOM = new SecureRandom();
    private static Server server;

    private TestDatabase() {
    }

    /** A database of its own, already migrated. */
    public static Fresh fresh() {
        Fresh database = freshEmpty();
        PostgresPersistence.onDataSource(database.dataSource()).close();
        return database;
    }

    /** A database of its own, migrated, as a small connection pool. */
    public static DataSource freshDataSource() {
        return fresh().dataSource();
    }

    /** A database of its own with nothing in it, not even the schema (to test that migrations run). */
    public static Fresh freshEmpty() {
        Server running = server();
        String name = "almanac_test_" + HexFormat.of().formatHex(randomBytes());
        running.execute("create database " + name);
        String url = running.urlOf(name);
        HikariConfig config = new HikariConfig();
        config.setPoolName(name);
        config.setJdbcUrl(url);
        config.setUsername(running.user());
        config.setPassword(running.password());
        config.setMaximumPoolSize(4);
        config.setMinimumIdle(0);
        config.setConnectionTimeout(10_000);
        HikariDataSource pool = new HikariDataSource(config);
        Fresh database = new Fresh(name, url, running.user(), running.password(), pool);
        running.created(database);
        return database;
    }

    /** Deletes every row of every Almanac table, for a test that wants an empty store without a new database. */
    public static void truncateAll(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            // cascade: tables added by later migrations (sessions, keys, overrides, feeds, ...) hang off these by
            // foreign keys
            statement.execute("truncate table mail_outbox, calendar_feeds, event_overrides, events, calendars, accounts,"
                    + " signing_keys, audit_log cascade");
        } catch (SQLException e) {
            throw new IllegalStateException("cannot empty the test database", e);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static synchronized Server server() {
        if (server == null) {
            server = Server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-database-cleanup"));
        }
        return server;
    }

    /**
     * One test database.
     *
     * @param dataSource a pool of at most four connections, closed at JVM exit
     */
    public record Fresh(String name, String jdbcUrl, String user, String password, HikariDataSource dataSource) {
        @Override
        public String toString() {
            return "TestDatabase.Fresh[" + jdbcUrl + "]";
        }
    }

    /** The server the databases are created on, and what to undo at exit. */
    private static final class Server {
        private final String adminUrl;
        private final String user;
        private final String password;
        private final Optional<EmbeddedPostgres> embedded;
        private final List<Fresh> databases = new ArrayList<>();

        private Server(String adminUrl, String user, String password, Optional<EmbeddedPostgres> embedded) {
            this.adminUrl = adminUrl;
            this.user = user;
            this.password = password;
            this.embedded = embedded;
        }

        static Server start() {
            String external = System.getenv(URL_VARIABLE);
            if (external != null && !external.isBlank()) {
                return new Server(external, envOr(USER_VARIABLE, "postgres"), envOr(PASSWORD_VARIABLE, ""),
                        Optional.empty());
            }
            try {
                // Our own shutdown hook stops it, after the pools that use it are closed.
                EmbeddedPostgres postgres = EmbeddedPostgres.builder().setRegisterShutdownHook(false).start();
                return new Server(postgres.getJdbcUrl("postgres", "postgres"), "postgres", "",
                        Optional.of(postgres));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot start the embedded PostgreSQL for tests", e);
            }
        }

        String user() {
            return user;
        }

        String password() {
            return password;
        }

        synchronized void created(Fresh database) {
            databases.add(database);
        }

        /** The admin URL with its database replaced by {@code database}, query parameters kept. */
        String urlOf(String database) {
            int query = adminUrl.indexOf('?');
            String withoutQuery = query < 0 ? adminUrl : adminUrl.substring(0, query);
            String parameters = query < 0 ? "" : adminUrl.substring(query);
            int pathStart = withoutQuery.indexOf('/', withoutQuery.indexOf("//") + 2);
            String hostPart = pathStart < 0 ? withoutQuery : withoutQuery.substring(0, pathStart);
            return hostPart + "/" + database + parameters;
        }

        void execute(String sql) {
            try (Connection connection = DriverManager.getConnection(adminUrl, user, password);
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            } catch (SQLException e) {
                throw new IllegalStateException("test database: " + sql + " failed", e);
            }
        }

        synchronized void stop() {
            for (Fresh database : databases) {
                database.dataSource().close();
            }
            if (embedded.isPresent()) {
                try {
                    embedded.get().close();
                } catch (IOException e) {
                    System.err.println("could not stop the embedded PostgreSQL: " + e.getMessage());
                }
                return;
            }
            for (Fresh database : databases) {
                try {
                    execute("drop database if exists " + database.name() + " with (force)");
                } catch (RuntimeException e) {
                    System.err.println("could not drop test database " + database.name() + ": " + e.getMessage());
                }
            }
        }

        private static String envOr(String name, String fallback) {
            String value = System.getenv(name);
            return value == null ? fallback : value;
        }
    }
}
