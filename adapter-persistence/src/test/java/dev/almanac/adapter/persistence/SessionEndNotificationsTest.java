package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two replicas on one real PostgreSQL, each remembering the sessions it found alive (ADR 0028), and a third view
 * that remembers nothing. A session ended anywhere (through either replica, or by SQL outside Almanac) is refused
 * by the replica that ended it at once, and by the other as soon as the notification arrives; a replica that
 * cannot prove it hears the notifications (cut off, deaf, stalled) remembers nothing.
 *
 * <p>To tell "remembered" from "asked the database", some sessions are ended <em>silently</em>: in a transaction
 * that turns V11's triggers off for itself, so no notification goes out. Only a replica that answers from memory
 * still calls such a session alive.
 */
class SessionEndNotificationsTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Client LAPTOP = new Client("192.0.2.1", "test");
    private static final Duration NOTIFIED_WITHIN = Duration.ofSeconds(3);
    private static TestDatabase.Fresh db;
    private static PostgresPersistence replicaA;
    private static PostgresPersistence replicaB;
    private static PostgresPersistence strict;

    @BeforeAll
    static void twoReplicas() throws InterruptedException {
        db = TestDatabase.fresh();
        var settings = new DatabaseSettings(db.jdbcUrl(), db.user(), db.password(), 4);
        replicaA = PostgresPersistence.connect(settings);
        replicaB = PostgresPersistence.connect(settings);
        strict = PostgresPersistence.connect(settings.withRememberLiveSessions(false));
        assertThat(replicaA.sessionEnds().orElseThrow().awaitTrusted(Duration.ofSeconds(10))).isTrue();
        assertThat(replicaB.sessionEnds().orElseThrow().awaitTrusted(Duration.ofSeconds(10))).isTrue();
        assertThat(strict.sessionEnds()).isEmpty();
    }

    @AfterAll
    static void close() {
        replicaA.close();
        replicaB.close();
        strict.close();
    }

    @Test
    void a_replica_answers_a_session_it_found_alive_from_memory_and_a_strict_one_never_does() throws Exception {
        Session session = signedIn();
        assertThat(alive(replicaA, session)).isTrue();
        assertThat(alive(strict, session)).isTrue();

        endSilently(session);

        assertThat(alive(replicaA, session)).as("remembered").isTrue();
        assertThat(alive(strict, session)).as("asks every time").isFalse();
        assertThat(alive(replicaB, session)).as("never asked before").isFalse();
    }

    @Test
    void a_session_revoked_through_one_replica_is_refused_there_at_once_and_by_the_other_once_notified() {
        Session session = signedIn();
        Session other = signedIn();
        assertThat(alive(replicaA, session)).isTrue();
        assertThat(alive(replicaB, session)).isTrue();
        assertThat(alive(replicaB, other)).isTrue();

        replicaA.sessions().update(session.id(), s -> s.revoke(NOW.plusSeconds(1)));

        assertThat(alive(replicaA, session)).as("the replica that revoked it").isFalse();
        awaitThat(() -> !alive(replicaB, session), "the other replica refuses it once notified");
        assertThat(alive(replicaB, other)).as("another session stays remembered").isTrue();
    }

    @Test
    void a_check_that_read_the_session_while_its_revocation_was_uncommitted_is_forgotten_at_the_commit()
            throws Exception {
        Session session = signedIn();
        // No notification at all in this test: only the replica's own forgetting can refuse the session.
        execute("alter table sessions disable trigger sessions_ended_by_update");
        try {
            AtomicBoolean seenAliveMeanwhile = new AtomicBoolean();
            replicaA.audit().recordWith(() -> {
                replicaA.sessions().update(session.id(), s -> s.revoke(NOW.plusSeconds(1)));
                // Another request on the same replica, before the revocation commits: still alive, remembered.
                Thread other = new Thread(() -> seenAliveMeanwhile.set(alive(replicaA, session)));
                other.start();
                try {
                    other.join();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return session;
            }, revoked -> java.util.Optional.empty());

            assertThat(seenAliveMeanwhile).as("uncommitted, so alive to others").isTrue();
            assertThat(alive(replicaA, session)).as("forgotten when the revocation committed").isFalse();
        } finally {
            execute("alter table sessions enable trigger sessions_ended_by_update");
        }
    }

    @Test
    void sessions_ended_by_sql_outside_almanac_are_refused_by_every_replica_once_notified() throws Exception {
        Session session = signedIn();
        assertThat(alive(replicaA, session)).isTrue();
        assertThat(alive(replicaB, session)).isTrue();

        execute("update sessions set revoked_at = created_at where id = '" + session.id().value() + "'");

        awaitThat(() -> !alive(replicaA, session) && !alive(replicaB, session), "both replicas refuse it");
    }

    @Test
    void deleting_the_account_ends_its_sessions_on_every_replica() {
        Session session = signedIn();
        assertThat(alive(replicaA, session)).isTrue();
        assertThat(alive(replicaB, session)).isTrue();

        assertThat(replicaB.accounts().delete(session.account())).isTrue();

        assertThat(alive(replicaB, session)).as("the replica that deleted it").isFalse();
        awaitThat(() -> !alive(replicaA, session), "the other replica refuses it once notified");
    }

    @Test
    void a_password_change_through_one_replica_ends_the_other_sessions_on_the_other() {
        Session caller = signedIn();
        Session other = signedIn(caller.account());
        assertThat(alive(replicaA, other)).isTrue();
        assertThat(alive(replicaB, other)).isTrue();

        replicaA.accounts().changePassword(caller.account(), new PasswordHash("$fake$g1$new"),
                java.util.Optional.of(caller.id()), NOW.plusSeconds(1));

        assertThat(alive(replicaA, other)).isFalse();
        awaitThat(() -> !alive(replicaB, other), "the other replica refuses it once notified");
        assertThat(alive(replicaB, caller)).as("the caller's own session stays").isTrue();
    }

    @Test
    void a_replica_whose_listener_is_cut_off_remembers_nothing_until_it_listens_again() throws Exception {
        Session remembered = signedIn();
        assertThat(alive(replicaA, remembered)).isTrue();

        execute("select pg_terminate_backend(pid) from pg_stat_activity where application_name = '"
                + PostgresPersistence.SESSION_LISTENER_NAME + "' and datname = current_database()");
        awaitThat(() -> !replicaA.liveSessions().trusted(), "replica A stops trusting its memory");
        endSilently(remembered);
        assertThat(alive(replicaA, remembered)).as("asks the database while cut off").isFalse();

        assertThat(replicaA.sessionEnds().orElseThrow().awaitTrusted(Duration.ofSeconds(10)))
                .as("listens again").isTrue();
        assertThat(replicaB.sessionEnds().orElseThrow().awaitTrusted(Duration.ofSeconds(10))).isTrue();
        Session later = signedIn();
        assertThat(alive(replicaA, later)).isTrue();
        endSilently(later);
        assertThat(alive(replicaA, later)).as("remembers again").isTrue();
    }

    @Test
    void a_listener_that_never_hears_its_probes_never_trusts_its_memory() throws Exception {
        // A connection left inside a transaction block: PostgreSQL delivers nothing to it, and neither its LISTEN
        // nor its probes take effect before a commit that never comes.
        LiveSessions deafMemory = LiveSessions.enabled();
        try (SessionEndListener deaf = SessionEndListener.start(deafMemory, () -> {
            Connection connection = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
            connection.setAutoCommit(false);
            return connection;
        })) {
            assertThat(deaf.awaitTrusted(SessionEndListener.PROBE_INTERVAL.plus(SessionEndListener.PROBE_DEADLINE)))
                    .isFalse();
        }
        LiveSessions hearing = LiveSessions.enabled();
        try (SessionEndListener listener = SessionEndListener.start(hearing,
                () -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()))) {
            assertThat(listener.awaitTrusted(Duration.ofSeconds(10))).as("the same listener, autocommitting")
                    .isTrue();
        }
    }

    @Test
    void a_listener_whose_database_session_stalls_stops_being_trusted_connects_again_and_is_trusted_again()
            throws Exception {
        assumeTrue(System.getenv(TestDatabase.URL_VARIABLE) == null,
                "stops a PostgreSQL backend with a signal: the embedded server only");
        LiveSessions memory = LiveSessions.enabled();
        String name = "almanac-stall-test";
        Duration hungAfter = Duration.ofSeconds(5);
        try (SessionEndListener listener = SessionEndListener.start(memory, () -> {
            java.util.Properties properties = new java.util.Properties();
            properties.setProperty("user", db.user());
            properties.setProperty("password", db.password());
            properties.setProperty("ApplicationName", name);
            return DriverManager.getConnection(db.jdbcUrl(), properties);
        }, hungAfter)) {
            assertThat(listener.awaitTrusted(Duration.ofSeconds(10))).isTrue();
            List<Long> backends = backendsNamed(name);
            assertThat(backends).hasSize(1);
            signal("STOP", backends.get(0));
            try {
                // Its next probe hangs in the stopped backend: the watchdog, not the listening thread, notices.
                awaitThat(() -> !memory.trusted(), "distrusted while stalled",
                        SessionEndListener.PROBE_INTERVAL.plus(SessionEndListener.PROBE_DEADLINE).plusSeconds(2));
                // Still hung after hungAfter: the watchdog closes the connection and the listener connects anew.
                awaitThat(() -> backendsNamed(name).size() == 2, "a second listening connection",
                        hungAfter.plusSeconds(5));
                assertThat(listener.awaitTrusted(Duration.ofSeconds(10))).as("trusted on the new connection")
                        .isTrue();
            } finally {
                signal("CONT", backends.get(0));
            }
        }
    }

    private static List<Long> backendsNamed(String name) {
        try (Connection connection = db.dataSource().getConnection();
             PreparedStatement statement = connection.prepareStatement(
                     "select pid from pg_stat_activity where application_name = ? order by backend_start")) {
            statement.setString(1, name);
            List<Long> pids = new java.util.ArrayList<>();
            try (var rows = statement.executeQuery()) {
                while (rows.next()) {
                    pids.add(rows.getLong(1));
                }
            }
            return pids;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void signal(String signal, long pid) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start();
        assertThat(kill.waitFor()).as("kill -" + signal + " " + pid).isZero();
    }

    private static boolean alive(PostgresPersistence replica, Session session) {
        return replica.sessions().isLive(session.id(), session.account(), NOW.plusSeconds(2));
    }

    private static Session signedIn() {
        AccountId id = new AccountId(UUID.randomUUID());
        replicaA.accounts().add(Account.register(id, EmailAddress.of("u" + id.value() + "@example.org"),
                new DisplayName("Someone"), new PasswordHash("$fake$g1$x"), NOW));
        return signedIn(id);
    }

    private static Session signedIn(AccountId account) {
        Session session = Session.start(new SessionId(UUID.randomUUID()), account,
                SecretHash.of(UUID.randomUUID().toString()), LAPTOP, NOW);
        replicaA.sessions().add(session);
        return session;
    }

    /** Revokes the session in a transaction with V11's triggers off, so no replica is told. */
    private static void endSilently(Session session) throws SQLException {
        try (Connection connection = db.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement();
                 PreparedStatement revoke = connection.prepareStatement(
                         "update sessions set revoked_at = created_at where id = ?")) {
                statement.execute("alter table sessions disable trigger sessions_ended_by_update");
                revoke.setObject(1, session.id().value());
                assertThat(revoke.executeUpdate()).isEqualTo(1);
                statement.execute("alter table sessions enable trigger sessions_ended_by_update");
            }
            connection.commit();
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection connection = db.dataSource().getConnection();
             Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static void awaitThat(BooleanSupplier condition, String description) {
        awaitThat(condition, description, NOTIFIED_WITHIN);
    }

    private static void awaitThat(BooleanSupplier condition, String description, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime() - deadline).as(description + " within " + within).isNegative();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
