package dev.almanac.bootstrap;

import dev.almanac.adapter.http.HttpApi;
import dev.almanac.adapter.http.HttpSettings;
import dev.almanac.adapter.http.security.Argon2idPasswordHasher;
import dev.almanac.adapter.http.security.ZxcvbnPasswordBlocklist;
import dev.almanac.adapter.http.security.JwtAccessTokens;
import dev.almanac.adapter.http.security.KeyWrap;
import dev.almanac.adapter.http.security.RandomSecrets;
import dev.almanac.adapter.http.security.SigningKeyRing;
import dev.almanac.adapter.http.security.SecureFeedTokens;
import dev.almanac.adapter.persistence.DatabaseSettings;
import dev.almanac.adapter.persistence.PostgresPersistence;
import dev.almanac.adapter.persistence.TimeOrderedIds;
import dev.almanac.application.account.AccountPorts;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.event.EventUseCases;
import dev.almanac.application.feed.FeedUseCases;
import dev.almanac.application.timezone.RederiveTimesUseCase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Almanac: the one place that calls {@code new} on adapters and wires them to the use cases.
 *
 * <p>Start order: database (embedded unless configured), migrations, HTTP. The port opens only when the schema
 * is current. {@link #close()} stops in reverse: HTTP first (in-flight requests finish), then the pool, then the
 * embedded database.
 */
public final class Almanac implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Almanac.class);

    private final Optional<EmbeddedDatabase> embedded;
    private final PostgresPersistence persistence;
    private final HttpApi http;

    private Almanac(Optional<EmbeddedDatabase> embedded, PostgresPersistence persistence, HttpApi http) {
        this.embedded = embedded;
        this.persistence = persistence;
        this.http = http;
    }

    /** Starts everything {@code config} describes, or fails having stopped whatever it had started. */
    public static Almanac start(Config config) {
        return start(config, new MicrosecondClock());
    }

    static Almanac start(Config config, Clock clock) {
        Optional<EmbeddedDatabase> embedded = Optional.empty();
        PostgresPersistence persistence = null;
        try {
            DatabaseSettings database;
            if (config.databaseUrl().isPresent()) {
                database = new DatabaseSettings(config.databaseUrl().get(), config.databaseUser(),
                        config.databasePassword(), config.databasePoolSize());
            } else {
                embedded = Optional.of(EmbeddedDatabase.start(config.dataDir()));
                database = embedded.get().settings(config.databasePoolSize());
            }
            persistence = PostgresPersistence.connect(database);
            rederiveTimes(persistence);
            return new Almanac(embedded, persistence, startHttp(config, clock, persistence));
        } catch (RuntimeException e) {
            if (persistence != null) {
                persistence.close();
            }
            embedded.ifPresent(EmbeddedDatabase::close);
            throw e;
        }
    }

    /**
     * Re-derives the instants of zones whose rules changed since they were derived (a new tz-data release in
     * this JDK), before the port opens: serving a 09:00 meeting at last year's 09:00 is the bug this prevents
     * (ADR 0024). Replicas starting at once take turns; the second finds nothing left to do.
     */
    private static void rederiveTimes(PostgresPersistence persistence) {
        long started = System.nanoTime();
        RederiveTimesUseCase.Result result = RederiveTimesUseCase.wire(persistence.derivedTimes()).rederive();
        long millis = (System.nanoTime() - started) / 1_000_000;
        if (!result.changedZones().isEmpty()) {
            LOG.info("Zone rules changed or first recorded for {} zones: {} events re-derived in {} ms",
                    result.changedZones().size(), result.rowsMoved(), millis);
        }
        if (!result.newerZones().isEmpty()) {
            LOG.warn("The database records newer tz data than this JVM's for {} zones (e.g. {}); their instants "
                    + "are left as they are. Run every replica on the same JDK tz data.",
                    result.newerZones().size(), result.newerZones().iterator().next());
        }
    }

    private static HttpApi startHttp(Config config, Clock clock, PostgresPersistence persistence) {
        byte[] secret = config.tokenSecret().orElseGet(() -> {
            if (config.databaseUrl().isPresent()) {
                LOG.warn("{} is not set: using a secret generated in {}. It encrypts the token-signing keys kept "
                        + "in the database, so replicas sharing this database must share one secret: set {} when "
                        + "running more than one.", Config.TOKEN_SECRET, config.dataDir(), Config.TOKEN_SECRET);
            }
            return TokenSecretStore.loadOrCreate(config.dataDir());
        });
        var random = new SecureRandom();
        var ids = new TimeOrderedIds(clock, random);
        var ring = new SigningKeyRing(persistence.signingKeys(), new KeyWrap(secret, random), random);
        try {
            ring.prepare(clock.instant());
        } catch (KeyWrap.KeyUnwrapException e) {
            throw new ConfigurationException(e.getMessage());
        }
        var tokens = new JwtAccessTokens(ring, config.accessTokenLifetime());
        var accounts = AccountUseCases.wire(new AccountPorts(persistence.accounts(), persistence.sessions(),
                persistence.loginThrottles(), new Argon2idPasswordHasher(), new ZxcvbnPasswordBlocklist(), tokens, new RandomSecrets(random), ids, clock));
        var calendars = CalendarUseCases.wire(persistence.calendars(), ids, clock);
        var events = EventUseCases.wire(persistence.calendars(), persistence.events(), ids, clock);
        var settings = new HttpSettings(config.httpHost(), config.httpPort(), version(),
                HttpSettings.DEFAULT_MAX_BODY_BYTES, Runtime.version().feature() >= 21, config.publicUrl());
        var feeds = FeedUseCases.wire(persistence.calendars(), persistence.feeds(),
                new SecureFeedTokens(random), ids, clock, events.export());
        return HttpApi.create(settings, accounts, calendars, events, feeds, persistence::isHealthy,
                () -> tokens.jwks(clock.instant())).start();
    }

    /** The port the HTTP server listens on (useful when configured as 0). */
    public int port() {
        return http.port();
    }

    /** The Maven project version this jar was built from. */
    public static String version() {
        try (InputStream in = Almanac.class.getResourceAsStream("/almanac.properties")) {
            var properties = new Properties();
            if (in != null) {
                properties.load(in);
            }
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        LOG.info("Stopping Almanac");
        try {
            http.close();
        } finally {
            try {
                persistence.close();
            } finally {
                embedded.ifPresent(EmbeddedDatabase::close);
            }
        }
        LOG.info("Almanac stopped");
    }
}
