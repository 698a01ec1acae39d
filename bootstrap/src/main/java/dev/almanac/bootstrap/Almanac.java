package dev.almanac.bootstrap;

import dev.almanac.adapter.http.HttpApi;
import dev.almanac.adapter.http.HttpSettings;
import dev.almanac.adapter.http.security.Argon2idPasswordHasher;
import dev.almanac.adapter.http.security.JwtAccessTokens;
import dev.almanac.adapter.http.security.KeyWrap;
import dev.almanac.adapter.http.security.RandomSecrets;
import dev.almanac.adapter.http.security.SecureFeedTokens;
import dev.almanac.adapter.http.security.SigningKeyRing;
import dev.almanac.adapter.http.security.ZxcvbnPasswordBlocklist;
import dev.almanac.adapter.mail.LogMailSender;
import dev.almanac.adapter.mail.SmtpMailSender;
import dev.almanac.adapter.mail.SmtpSettings;
import dev.almanac.adapter.persistence.DatabaseSettings;
import dev.almanac.adapter.persistence.PostgresPersistence;
import dev.almanac.adapter.persistence.TimeOrderedIds;
import dev.almanac.application.account.AccountPorts;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.application.account.LifecyclePorts;
import dev.almanac.application.audit.AuditUseCases;
import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.event.EventUseCases;
import dev.almanac.application.feed.FeedUseCases;
import dev.almanac.application.mail.MailRelay;
import dev.almanac.application.mail.RetryPolicy;
import dev.almanac.application.port.MailSender;
import dev.almanac.application.timezone.RederiveTimesUseCase;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import dev.almanac.domain.shared.ZoneRulesStamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Almanac: the one place that calls {@code new} on adapters and wires them to the use cases.
 *
 * <p>Start order: database (embedded unless configured), migrations, HTTP, the mail relay. The port opens only
 * when the schema is current. {@link #close()} stops in reverse: HTTP first (in-flight requests finish), then the
 * mail relay, then the pool, then the embedded database.
 */
public final class Almanac implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Almanac.class);

    private final Optional<EmbeddedDatabase> embedded;
    private final PostgresPersistence persistence;
    private final HttpApi http;
    private final MailRelayWorker relay;

    private Almanac(Optional<EmbeddedDatabase> embedded, PostgresPersistence persistence, HttpApi http,
                    MailRelayWorker relay) {
        this.embedded = embedded;
        this.persistence = persistence;
        this.http = http;
        this.relay = relay;
    }

    /** How the mail relay retries and how often it looks for due mails. */
    record RelaySettings(RetryPolicy retry, Duration interval) {
        static final RelaySettings DEFAULT = new RelaySettings(RetryPolicy.DEFAULT, Duration.ofSeconds(1));
    }

    /** Starts everything {@code config} describes, or fails having stopped whatever it had started. */
    public static Almanac start(Config config) {
        return start(config, new MicrosecondClock());
    }

    static Almanac start(Config config, Clock clock) {
        return start(config, clock, RelaySettings.DEFAULT);
    }

    static Almanac start(Config config, Clock clock, RelaySettings relaySettings) {
        // Start-up work that does not wait on each other runs side by side (ADR 0025): fingerprinting every
        // zone's rules needs no database, so it runs while the database starts and migrates; re-deriving
        // instants then runs while the rest is wired, and the port opens only once it is done.
        CompletableFuture<Map<String, ZoneRulesStamp>> runningRules = inBackground("almanac-zone-rules",
                ZoneRulesStamp::currentForAll);
        Database database = Database.open(config);
        HttpApi http = null;
        CompletableFuture<Void> rederived = null;
        try {
            rederived = inBackground("almanac-rederive", () -> {
                rederiveTimes(database.persistence(), runningRules::join);
                return null;
            });
            Core core = Core.wire(config, clock, database.persistence());
            var settings = new HttpSettings(config.httpHost(), config.httpPort(), version(),
                    HttpSettings.DEFAULT_MAX_BODY_BYTES, Runtime.version().feature() >= 21, config.publicUrl())
                    .withTrustedProxies(config.trustedProxies()).withRateLimits(config.rateLimits());
            var audit = AuditUseCases.wire(database.persistence().audit(), core.ids(), clock);
            var calendars = CalendarUseCases.wire(database.persistence().calendars(), core.ids(), clock);
            var events = EventUseCases.wire(database.persistence().calendars(), database.persistence().events(),
                    core.ids(), clock);
            var feeds = FeedUseCases.wire(database.persistence().accounts(), database.persistence().calendars(),
                    database.persistence().feeds(), new SecureFeedTokens(core.random()), core.ids(), clock,
                    events.export());
            var api = HttpApi.create(settings, core.accounts(), calendars, events, feeds, audit,
                    database.persistence()::isHealthy, () -> core.tokens().jwks(clock.instant()), clock);
            joined(rederived);
            http = api.start();
            // Once it serves: the decoy hash now would have slowed the start (ADR 0034).
            core.accounts().prepare().run();
            var relay = MailRelayWorker.start(MailRelay.wire(database.persistence().outbox(), mailSender(config),
                    clock, relaySettings.retry()), relaySettings.interval());
            return new Almanac(database.embedded(), database.persistence(), http, relay);
        } catch (RuntimeException | Error e) {
            if (http != null) {
                http.close();
            }
            if (rederived != null) {
                // Never close the pool under a re-derivation still writing; its own failure is reported as e's.
                rederived.exceptionally(failure -> null).join();
            }
            database.close();
            throw e;
        }
    }

    /** Runs {@code work} on a new daemon thread named {@code name}. */
    private static <T> CompletableFuture<T> inBackground(String name, java.util.function.Supplier<T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                result.complete(work.get());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        }, name);
        thread.setDaemon(true);
        thread.start();
        return result;
    }

    /** Waits for {@code work}, rethrowing its failure as it was thrown. */
    private static void joined(CompletableFuture<?> work) {
        try {
            work.join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    /**
     * The operator's {@code disable-account} command: opens the database (without HTTP or the mail relay),
     * disables the account with this address and revokes its sessions.
     *
     * @throws dev.almanac.domain.shared.NotFoundException when no account has the address
     */
    static Account disableAccount(Config config, String email) {
        // A one-off command checks no access token: it needs no listener of session ends (ADR 0028).
        Database database = Database.open(config.withSessionCache(false));
        try {
            // Audited with no client, under a request id that names the command.
            var command = new RequestContext(Client.UNKNOWN, new RequestId("disable-account-" + UUID.randomUUID()));
            return Core.wire(config, new MicrosecondClock(), database.persistence()).accounts().disable()
                    .disable(email, command);
        } finally {
            database.close();
        }
    }

    private static MailSender mailSender(Config config) {
        Config.Mail mail = config.mail();
        if (mail.smtpHost().isEmpty()) {
            LOG.warn("{} is not set: mails (verification links included) are written to this log instead of "
                    + "being sent. Set {} and {} to send them.", Config.SMTP_HOST, Config.SMTP_HOST, Config.SMTP_FROM);
            return new LogMailSender();
        }
        return new SmtpMailSender(new SmtpSettings(mail.smtpHost().get(), mail.smtpPort(), mail.smtpUsername(),
                mail.smtpPassword(), EmailAddress.of(mail.from().orElseThrow()), SmtpSettings.DEFAULT_TIMEOUT));
    }

    /**
     * Re-derives the instants of zones whose rules changed since they were derived (a new tz-data release in
     * this JDK), before the port opens: serving a 09:00 meeting at last year's 09:00 is the bug this prevents
     * (ADR 0024). Replicas starting at once take turns; the second finds nothing left to do.
     */
    private static void rederiveTimes(PostgresPersistence persistence,
                                      java.util.function.Supplier<Map<String, ZoneRulesStamp>> runningRules) {
        long started = System.nanoTime();
        RederiveTimesUseCase.Result result = RederiveTimesUseCase.wire(persistence.derivedTimes(), runningRules)
                .rederive();
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

    /** The database (embedded unless configured) and the persistence adapter on it, migrated. */
    private record Database(Optional<EmbeddedDatabase> embedded, PostgresPersistence persistence) {
        static Database open(Config config) {
            Optional<EmbeddedDatabase> embedded = Optional.empty();
            try {
                DatabaseSettings settings;
                if (config.databaseUrl().isPresent()) {
                    settings = new DatabaseSettings(config.databaseUrl().get(), config.databaseUser(),
                            config.databasePassword(), config.databasePoolSize());
                } else {
                    embedded = Optional.of(EmbeddedDatabase.start(config.dataDir()));
                    settings = embedded.get().settings(config.databasePoolSize());
                }
                return new Database(embedded, PostgresPersistence.connect(
                        settings.withRememberLiveSessions(config.sessionCache())));
            } catch (RuntimeException e) {
                embedded.ifPresent(EmbeddedDatabase::close);
                throw e;
            }
        }

        void close() {
            try {
                persistence.close();
            } finally {
                embedded.ifPresent(EmbeddedDatabase::close);
            }
        }
    }

    /** The account use cases and what they share with the rest: tokens, ids, randomness. */
    private record Core(AccountUseCases accounts, JwtAccessTokens tokens, TimeOrderedIds ids, SecureRandom random) {
        static Core wire(Config config, Clock clock, PostgresPersistence persistence) {
            byte[] secret = config.tokenSecret().orElseGet(() -> {
                if (config.databaseUrl().isPresent()) {
                    LOG.warn("{} is not set: using a secret generated in {}. It encrypts the token-signing keys "
                            + "kept in the database, so replicas sharing this database must share one secret: set "
                            + "{} when running more than one.", Config.TOKEN_SECRET, config.dataDir(),
                            Config.TOKEN_SECRET);
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
                    persistence.apiKeys(), persistence.loginThrottles(), new Argon2idPasswordHasher(), new ZxcvbnPasswordBlocklist(),
                    tokens, new RandomSecrets(random), ids, clock, persistence.audit()),
                    new LifecyclePorts(persistence.lifecycle(), config.mail().publicUrl()));
            return new Core(accounts, tokens, ids, random);
        }
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

    /** Stops HTTP (requests in flight finish), then the mail relay (a round in progress finishes), then the pool. */
    @Override
    public void close() {
        LOG.info("Stopping Almanac");
        try {
            http.close();
        } finally {
            try {
                relay.close();
            } finally {
                new Database(embedded, persistence).close();
            }
        }
        LOG.info("Almanac stopped");
    }
}
