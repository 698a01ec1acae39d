package dev.almanac.adapter.persistence;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link LiveSessions} honest (ADR 0028): one thread holds a connection of its own that {@code LISTEN}s on
 * {@value #CHANNEL}, where migration V11's triggers announce every session that ends, and forgets each one as
 * its notification arrives.
 *
 * <p>Trust is earned, not assumed. Every {@link #PROBE_INTERVAL} a second thread sends a probe, a notification
 * with a payload only this listener knows, <em>through the pool</em> (the path every other write takes), and the
 * listening thread waits for it. PostgreSQL delivers a listener's notifications in commit order, so a probe that
 * arrives proves that every session ended before it was sent has been announced, and handled, here too. The
 * answers are trusted from the first probe that arrives; a probe that does not arrive within
 * {@link #PROBE_DEADLINE} of being sent, a probe that cannot be sent, or a broken connection forgets them all and
 * stops remembering until a later probe arrives. So a listener that stops hearing (a dead socket, a pooler that
 * does not forward notifications, a stalled database) costs a query per request, never a revoked session's
 * access. Probes go out from their own thread so that the listening thread never waits for the pool and handles
 * each notification as it arrives.
 */
final class SessionEndListener implements AutoCloseable {
    static final String CHANNEL = "almanac_session_ended";
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    private static final int POLL_MILLIS = 100;
    private static final String PROBE_PREFIX = "probe:";
    private static final Logger LOG = LoggerFactory.getLogger(SessionEndListener.class);

    /** Opens the listener's own connection, outside the pool (it is held for as long as the service runs). */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    /** A probe on its way: its payload, and when it began to be sent. */
    private record Probe(String payload, long sentAt) {
    }

    private final LiveSessions live;
    private final Connections connections;
    private final DataSource pool;
    private final String probePrefix = PROBE_PREFIX + UUID.randomUUID() + ":";
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicReference<Probe> awaited = new AtomicReference<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private final ScheduledExecutorService prober;
    private volatile Connection current;
    private volatile boolean listening;
    private long probes;
    private volatile boolean failing;

    private SessionEndListener(LiveSessions live, Connections connections, DataSource pool) {
        this.live = requireNonNull(live, "live");
        this.connections = requireNonNull(connections, "connections");
        this.pool = requireNonNull(pool, "pool");
        this.thread = new Thread(this::run, "almanac-session-listener");
        this.thread.setDaemon(true);
        this.prober = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread probing = new Thread(task, "almanac-session-prober");
            probing.setDaemon(true);
            return probing;
        });
    }

    /** Starts listening in the background; the answers are trusted once the first probe comes back. */
    static SessionEndListener start(LiveSessions live, Connections connections, DataSource pool) {
        var listener = new SessionEndListener(live, connections, pool);
        listener.thread.start();
        listener.prober.scheduleWithFixedDelay(listener::probe, 0, PROBE_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return listener;
    }

    private void run() {
        long backoffMillis = 100;
        try {
            while (!closed.get()) {
                try (Connection connection = connections.open()) {
                    current = connection;
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("listen " + CHANNEL);
                    }
                    awaited.set(null);
                    listening = true;
                    listen(connection.unwrap(PGConnection.class));
                } catch (SQLException | RuntimeException e) {
                    if (closed.get()) {
                        return;
                    }
                    lose("the listening connection failed: " + e.getMessage());
                } finally {
                    listening = false;
                    current = null;
                }
                if (!closed.get()) {
                    sleep(backoffMillis);
                    backoffMillis = live.trusted() ? 100 : Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                }
            }
        } finally {
            live.distrust();
            stopped.countDown();
        }
    }

    /** Handles notifications, and watches the probe's deadline, until the connection fails or is closed. */
    private void listen(PGConnection connection) throws SQLException {
        while (!closed.get()) {
            PGNotification[] arrived = connection.getNotifications(POLL_MILLIS);
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    if (CHANNEL.equals(notification.getName())) {
                        handle(notification.getParameter());
                    }
                }
            }
            Probe probe = awaited.get();
            if (probe != null && System.nanoTime() - probe.sentAt() > PROBE_DEADLINE.toNanos()
                    && awaited.compareAndSet(probe, null)) {
                lose("a probe did not come back within " + PROBE_DEADLINE.toMillis() + " ms");
            }
        }
    }

    private void handle(String payload) {
        if (payload.startsWith(PROBE_PREFIX)) {
            Probe probe = awaited.get();
            if (probe != null && probe.payload().equals(payload) && awaited.compareAndSet(probe, null)
                    && !live.trusted()) {
                live.trust();
                LOG.info(failing ? "Session-end notifications arrive again: remembering live sessions"
                        : "Session-end notifications arrive: remembering live sessions (ADR 0028)");
                failing = false;
            }
            return; // another replica's probe, or one of ours that came too late
        }
        if (payload.equals("*")) {
            live.forgetAll();
            return;
        }
        try {
            live.ended(UUID.fromString(payload));
        } catch (IllegalArgumentException e) {
            live.forgetAll(); // not a session id: forget everything rather than miss an end
        }
    }

    /** Sends a probe through the pool, when the listener is listening and no probe is on its way. */
    private void probe() {
        if (closed.get() || !listening || awaited.get() != null) {
            return;
        }
        Probe probe = new Probe(probePrefix + (++probes), System.nanoTime());
        awaited.set(probe);
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setString(1, CHANNEL);
            statement.setString(2, probe.payload());
            statement.execute();
        } catch (SQLException | RuntimeException e) {
            if (awaited.compareAndSet(probe, null) && !closed.get()) {
                lose("a probe could not be sent: " + e.getMessage());
            }
        }
    }

    private void lose(String why) {
        boolean wasTrusted = live.trusted();
        live.distrust();
        if (wasTrusted || !failing) {
            LOG.warn("Not remembering live sessions, every request asks the database: {}", why);
        }
        failing = true;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether the answers are trusted within {@code timeout}; for tests. */
    boolean awaitTrusted(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!live.trusted()) {
            if (System.nanoTime() - deadline > 0) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    /** Stops listening and probing, closes the connection and forgets everything. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        live.distrust();
        prober.shutdownNow();
        Connection connection = current;
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // closing anyway
            }
        }
        thread.interrupt();
        try {
            stopped.await(5, TimeUnit.SECONDS);
            prober.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
