package dev.almanac.bench;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The PostgreSQL server of one benchmark run: a fresh embedded PostgreSQL 17 (zonky's binaries) on a known port
 * with a throwaway data directory, or the server {@code ALMANAC_BENCH_DATABASE_URL} names. pgbench, the seeder and
 * the service all talk to this one server.
 */
final class BenchDatabase implements AutoCloseable {
    private final Optional<EmbeddedPostgres> embedded;
    private final String host;
    private final int port;
    private final String database;
    private final String user;
    private final String password;

    private BenchDatabase(Optional<EmbeddedPostgres> embedded, String host, int port, String database, String user,
                          String password) {
        this.embedded = embedded;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
    }

    static BenchDatabase embedded(Path dataDir, int port) {
        try {
            Files.createDirectories(dataDir);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(dataDir)
                    .setCleanDataDirectory(true)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new BenchDatabase(Optional.of(postgres), "127.0.0.1", port, "postgres", "postgres", "");
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the embedded PostgreSQL in " + dataDir, e);
        }
    }

    /** An external server: {@code jdbc:postgresql://host:port/database}; it must be a throwaway database. */
    static BenchDatabase external(String jdbcUrl, String user, String password) {
        URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
        String host = uri.getHost();
        if (!"127.0.0.1".equals(host) && !"localhost".equals(host)) {
            throw new IllegalArgumentException("the benchmark only talks to 127.0.0.1; the database URL names " + host);
        }
        int port = uri.getPort() < 0 ? 5432 : uri.getPort();
        String database = uri.getPath().replaceFirst("^/", "");
        return new BenchDatabase(Optional.empty(), "127.0.0.1", port, database, user, password);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }

    String user() {
        return user;
    }

    String password() {
        return password;
    }

    boolean isEmbedded() {
        return embedded.isPresent();
    }

    /** The libpq environment pgbench and psql read. */
    Map<String, String> libpqEnvironment() {
        var env = new HashMap<String, String>();
        env.put("PGHOST", host);
        env.put("PGPORT", String.valueOf(port));
        env.put("PGDATABASE", database);
        env.put("PGUSER", user);
        if (!password.isEmpty()) {
            env.put("PGPASSWORD", password);
        }
        return env;
    }

    /** Runs maintenance statements (vacuum, analyze, counts) outside the application's ports. */
    void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run `" + sql + "`: " + e.getMessage(), e);
        }
    }

    long count(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(), user, password); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("could not run `" + sql + "`: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        if (embedded.isPresent()) {
            try {
                embedded.get().close();
            } catch (IOException e) {
                System.err.println("bench: the embedded PostgreSQL did not stop cleanly: " + e.getMessage());
            }
        }
    }
}
