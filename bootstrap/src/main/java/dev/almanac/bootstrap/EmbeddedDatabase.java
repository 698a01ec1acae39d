package dev.almanac.bootstrap;

import dev.almanac.adapter.persistence.DatabaseSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded default: a real PostgreSQL 17 (zonky's packaged binaries) whose data directory lives under
 * {@code ALMANAC_DATA_DIR} and survives restarts. It listens on loopback only, on a free port chosen at start.
 * As root it runs in a user namespace ({@code unshare -U}), since PostgreSQL refuses to run as root.
 */
final class EmbeddedDatabase implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    static EmbeddedDatabase start(Path dataDir) {
        Path pgData = dataDir.resolve("postgres");
        try {
            Files.createDirectories(pgData);
            boolean fresh = !Files.exists(pgData.resolve("postgresql.conf"));
            LOG.info("{} embedded PostgreSQL in {}", fresh ? "Initialising" : "Starting", pgData);
            EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(pgData)
                    .setCleanDataDirectory(false)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "127.0.0.1")
                    .setServerConfig("max_connections", "100")
                    .start();
            return new EmbeddedDatabase(postgres);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded PostgreSQL in " + pgData, e);
        }
    }

    DatabaseSettings settings(int poolSize) {
        return new DatabaseSettings("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "",
                poolSize);
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warn("The embedded PostgreSQL did not stop cleanly", e);
        }
    }
}
