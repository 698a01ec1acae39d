package dev.almanac.adapter.persistence;

import static java.util.Objects.requireNonNull;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.almanac.application.port.AccountLifecycleStore;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.ApiKeyRepository;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.DerivedTimes;
import dev.almanac.application.port.EventRepository;
import dev.almanac.application.port.FeedRepository;
import dev.almanac.application.port.LoginThrottles;
import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.SessionRepository;
import dev.almanac.application.port.SigningKeyStore;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.Properties;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jdbi.v3.core.Jdbi;

/**
 * The persistence adapter's one entry point: it migrates the schema, then hands out the repositories.
 *
 * <p>{@link #connect} opens and owns a connection pool; {@link #onDataSource} uses a pool someone else owns.
 * Either way the schema is migrated with Flyway before a repository is handed out.
 */
public final class PostgresPersistence implements AutoCloseable {
    static final String MIGRATIONS = "classpath:db/migration";
    private static final Duration CONNECTION_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration VALIDATION_TIMEOUT = Duration.ofSeconds(2);
    private static final int HEALTH_QUERY_TIMEOUT_SECONDS = 2;
    /** The {@code application_name} of the connection that listens for session ends. */
    static final String SESSION_LISTENER_NAME = "almanac-session-listener";

    private final DataSource dataSource;
    private final Optional<HikariDataSource> ownedPool;
    private final AccountRepository accounts;
    private final CalendarRepository calendars;
    private final EventRepository events;
    private final SessionRepository sessions;
    private final SigningKeyStore signingKeys;
    private final LoginThrottles loginThrottles;
    private final FeedRepository feeds;
    private final AuditTrail audit;
    private final ApiKeyRepository apiKeys;
    private final AccountLifecycleStore lifecycle;
    private final MailOutbox outbox;
    private final DerivedTimes derivedTimes;
    private final LiveSessions liveSessions;
    private final Optional<SessionEndListener> sessionEnds;

    private PostgresPersistence(DataSource dataSource, Optional<HikariDataSource> ownedPool,
                                Optional<SessionEndListener.Connections> listenerConnections) {
        this.dataSource = dataSource;
        this.ownedPool = ownedPool;
        Jdbi jdbi = Jdbi.create(dataSource);
        this.liveSessions = listenerConnections.isPresent() ? LiveSessions.enabled() : LiveSessions.disabled();
        this.accounts = new JdbiAccountRepository(jdbi, liveSessions);
        this.calendars = new JdbiCalendarRepository(jdbi);
        this.events = new JdbiEventRepository(jdbi, new DirectStatements(dataSource));
        this.sessions = new JdbiSessionRepository(jdbi, liveSessions);
        this.signingKeys = new JdbiSigningKeyStore(jdbi);
        this.loginThrottles = new JdbiLoginThrottles(jdbi);
        this.feeds = new JdbiFeedRepository(jdbi);
        this.audit = new JdbiAuditTrail(jdbi);
        this.apiKeys = new JdbiApiKeyRepository(jdbi);
        this.lifecycle = new JdbiAccountLifecycleStore(jdbi, new MailQueue(), liveSessions);
        this.outbox = new JdbiMailOutbox(jdbi);
        this.derivedTimes = new JdbiDerivedTimes(jdbi);
        this.sessionEnds = listenerConnections.map(open -> SessionEndListener.start(liveSessions, open));
    }

    /**
     * Opens a connection pool to the database, migrates it and returns the adapter, which owns the pool. Unless
     * {@link DatabaseSettings#rememberLiveSessions()} is off, it also opens one connection of its own that listens
     * for sessions that end, so that live sessions can be remembered between requests (ADR 0028).
     *
     * @throws DatabaseUnavailableException when the database cannot be reached or refuses the credentials
     * @throws FlywayException              when the schema cannot be migrated (e.g. an edited migration)
     */
    public static PostgresPersistence connect(DatabaseSettings settings) {
        requireNonNull(settings, "settings");
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(poolConfig(settings));
        } catch (RuntimeException e) {
            throw new DatabaseUnavailableException("Cannot connect to PostgreSQL at " + settings.jdbcUrl()
                    + " as user '" + settings.user() + "': " + rootMessage(e), e);
        }
        try {
            migrate(pool);
            Optional<SessionEndListener.Connections> listener = settings.rememberLiveSessions()
                    ? Optional.of(() -> listenerConnection(settings)) : Optional.empty();
            return new PostgresPersistence(pool, Optional.of(pool), listener);
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
    }

    /**
     * Migrates the database behind {@code dataSource} and returns an adapter that uses it but never closes it. It
     * remembers no live sessions (it would need a connection of its own): every check asks the database.
     */
    public static PostgresPersistence onDataSource(DataSource dataSource) {
        requireNonNull(dataSource, "dataSource");
        migrate(dataSource);
        return new PostgresPersistence(dataSource, Optional.empty(), Optional.empty());
    }

    public AccountRepository accounts() {
        return accounts;
    }

    public CalendarRepository calendars() {
        return calendars;
    }

    public FeedRepository feeds() {
        return feeds;
    }

    public EventRepository events() {
        return events;
    }

    /** The stored instants derived from wall times, and the zone rules they were derived with. */
    public DerivedTimes derivedTimes() {
        return derivedTimes;
    }

    public SessionRepository sessions() {
        return sessions;
    }

    public ApiKeyRepository apiKeys() {
        return apiKeys;
    }

    public SigningKeyStore signingKeys() {
        return signingKeys;
    }

    public LoginThrottles loginThrottles() {
        return loginThrottles;
    }

    /** The audit trail; its {@link AuditTrail#recordWith} joins the changes of this adapter's repositories. */
    public AuditTrail audit() {
        return audit;
    }

    /** Account changes that queue mail in their own transaction. */
    public AccountLifecycleStore lifecycle() {
        return lifecycle;
    }

    /** The mail outbox, for the relay. */
    public MailOutbox outbox() {
        return outbox;
    }

    /** Whether the database answers a trivial query within a couple of seconds. Never throws. */
    public boolean isHealthy() {
        try (Connection connection = dataSource.getConnection();
             Statement statement = connection.createStatement()) {
            statement.setQueryTimeout(HEALTH_QUERY_TIMEOUT_SECONDS);
            try (ResultSet rs = statement.executeQuery("select 1")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException | RuntimeException e) {
            return false;
        }
    }

    /**
     * Stops listening for session ends and closes the connection pool if this adapter opened it; a borrowed data
     * source is left alone.
     */
    @Override
    public void close() {
        sessionEnds.ifPresent(SessionEndListener::close);
        ownedPool.ifPresent(HikariDataSource::close);
    }

    /** The listener of session ends, when live sessions are remembered; for tests. */
    Optional<SessionEndListener> sessionEnds() {
        return sessionEnds;
    }

    /** The live sessions this adapter remembers; for tests. */
    LiveSessions liveSessions() {
        return liveSessions;
    }

    private static Connection listenerConnection(DatabaseSettings settings) throws SQLException {
        Properties properties = new Properties();
        properties.setProperty("user", settings.user());
        properties.setProperty("password", settings.password());
        properties.setProperty("ApplicationName", SESSION_LISTENER_NAME);
        properties.setProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        properties.setProperty("tcpKeepAlive", "true");
        // A read that hangs this long fails, and the listener connects again (its watchdog stopped trusting long
        // before, ADR 0028).
        properties.setProperty("socketTimeout", "30");
        return DriverManager.getConnection(settings.jdbcUrl(), properties);
    }

    private static HikariConfig poolConfig(DatabaseSettings settings) {
        HikariConfig config = new HikariConfig();
        config.setPoolName("almanac");
        config.setJdbcUrl(settings.jdbcUrl());
        config.setUsername(settings.user());
        config.setPassword(settings.password());
        config.setMaximumPoolSize(settings.maxPoolSize());
        // How long a request waits for a free connection before it fails, rather than hanging.
        config.setConnectionTimeout(CONNECTION_TIMEOUT.toMillis());
        config.setValidationTimeout(VALIDATION_TIMEOUT.toMillis());
        // Fail at start, with the driver's reason, when the first connection cannot be made.
        config.setInitializationFailTimeout(1);
        // The driver's own limit for opening a socket (seconds), so an unroutable host fails promptly too.
        config.addDataSourceProperty("connectTimeout", String.valueOf(CONNECTION_TIMEOUT.toSeconds()));
        config.addDataSourceProperty("ApplicationName", "almanac");
        return config;
    }

    private static void migrate(DataSource dataSource) {
        Flyway.configure()
                .dataSource(dataSource)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .validateOnMigrate(true)
                .cleanDisabled(true)
                .load()
                .migrate();
    }

    /** The driver's own words when it has some (they name host, port and cause), else the root cause's. */
    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException) {
                return String.valueOf(t.getMessage());
            }
            root = t;
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}
