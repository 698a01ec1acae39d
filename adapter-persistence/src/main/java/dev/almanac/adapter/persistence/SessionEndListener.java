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
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps {@link LiveSessions} honest (ADR 0028): one thread holds a connection of its own that {@code LISTEN}s on
 * {@value #CHANNEL}, where migration V11's triggers announce every session that ends, and forgets each one as
 * its notification arrives.
 *
 * <p>Trust is earned, and kept only while it is earned again. Every {@link #PROBE_INTERVAL} the listening thread
 * sends a probe, a notification with a payload only it knows, and reads it back. PostgreSQL delivers a
 * listener's notifications in commit order, so a probe that arrives proves that every session ended before the
 * probe committed has been announced, and handled, here too. The answers are trusted from the first probe that
 * comes back; a watchdog thread forgets them all and stops remembering whenever no probe has come back for
 * {@link #PROBE_INTERVAL} plus {@link #PROBE_DEADLINE}, whatever the listening thread is doing (stalled, blocked
 * on a dead socket, reconnecting), and a broken connection does the same at once. So a listener that stops
 * hearing costs a query per request, never a revoked session's access for longer than that. It needs a database
 * session of its own: behind a transaction-mode pooler a probe may come back although notifications were lost,
 * so such deployments turn the cache off (ALMANAC_SESSION_CACHE=off, ADR 0028).
 */
final class SessionEndListener implements AutoCloseable {
    static final String CHANNEL = "almanac_session_ended";
    static final Duration PROBE_INTERVAL = Duration.ofSeconds(1);
    static final Duration PROBE_DEADLINE = Duration.ofSeconds(2);
    private static final Duration WATCH_EVERY = Duration.ofMillis(250);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(5);
    /** No probe back for this long: the watchdog closes the connection, so a read stuck mid-message ends. */
    static final Duration HUNG_AFTER = Duration.ofSeconds(30);
    private static final int PROBE_TIMEOUT_SECONDS = 5;
    private static final int POLL_MILLIS = 100;
    private static final String PROBE_PREFIX = "probe:";
    private static final Logger LOG = LoggerFactory.getLogger(SessionEndListener.class);

    /** Opens the listener's own connection, outside the pool (it is held for as long as the service runs). */
    @FunctionalInterface
    interface Connections {
        Connection open() throws SQLException;
    }

    private final LiveSessions live;
    private final Connections connections;
    private final Duration hungAfter;
    private final String probePrefix = PROBE_PREFIX + UUID.randomUUID() + ":";
    private final AtomicBoolean closed = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread thread;
    private final ScheduledExecutorService watchdog;
    private volatile Connection current;
    private volatile long lastProbeBack;
    private volatile boolean failing;
    private String awaited;
    private long probes;

    private SessionEndListener(LiveSessions live, Connections connections, Duration hungAfter) {
        this.live = requireNonNull(live, "live");
        this.connections = requireNonNull(connections, "connections");
        this.hungAfter = requireNonNull(hungAfter, "hungAfter");
        this.thread = new Thread(this::run, "almanac-session-listener");
        this.thread.setDaemon(true);
        this.watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread watching = new Thread(task, "almanac-session-watchdog");
            watching.setDaemon(true);
            return watching;
        });
    }

    /** Starts listening in the background; the answers are trusted once the first probe comes back. */
    static SessionEndListener start(LiveSessions live, Connections connections) {
        return start(live, connections, HUNG_AFTER);
    }

    /** As {@link #start(LiveSessions, Connections)}, closing a connection that heard nothing for {@code hungAfter}. */
    static SessionEndListener start(LiveSessions live, Connections connections, Duration hungAfter) {
        var listener = new SessionEndListener(live, connections, hungAfter);
        listener.thread.start();
        listener.watchdog.scheduleAtFixedRate(listener::watch, WATCH_EVERY.toMillis(), WATCH_EVERY.toMillis(),
                TimeUnit.MILLISECONDS);
        return listener;
    }

    private void run() {
        long backoffMillis = 100;
        try {
            while (!closed.get()) {
                boolean listened = false;
                try (Connection connection = connections.open()) {
                    lastProbeBack = System.nanoTime(); // the hang clock starts here; trust still needs a probe
                    current = connection;
                    try (Statement statement = connection.createStatement()) {
                        statement.execute("listen " + CHANNEL);
                    }
                    listened = true;
                    listen(connection);
                } catch (Throwable e) { // an Error too: stop trusting, say so, and listen again
                    if (closed.get()) {
                        return;
                    }
                    lose("the listening connection failed: " + e);
                } finally {
                    current = null;
                    awaited = null;
                }
                if (!closed.get()) {
                    backoffMillis = listened ? 100 : Math.min(backoffMillis * 2, MAX_BACKOFF.toMillis());
                    sleep(backoffMillis);
                }
            }
        } finally {
            live.distrust();
            stopped.countDown();
        }
    }

    /** Probes, and handles notifications as they arrive, until the connection fails or the listener is closed. */
    private void listen(Connection connection) throws SQLException {
        PGConnection notifications = connection.unwrap(PGConnection.class);
        long nextProbe = System.nanoTime();
        while (!closed.get()) {
            long now = System.nanoTime();
            if (now - nextProbe >= 0) {
                probe(connection);
                nextProbe = now + PROBE_INTERVAL.toNanos();
            }
            int waitMillis = (int) Math.max(1, Math.min(POLL_MILLIS,
                    TimeUnit.NANOSECONDS.toMillis(nextProbe - System.nanoTime())));
            PGNotification[] arrived = notifications.getNotifications(waitMillis);
            if (arrived != null) {
                for (PGNotification notification : arrived) {
                    if (CHANNEL.equals(notification.getName())) {
                        handle(notification.getParameter());
                    }
                }
            }
        }
    }

    /** Sends a probe on the listening connection; it comes back through the same queue as every end. */
    private void probe(Connection connection) throws SQLException {
        String payload = probePrefix + (++probes);
        awaited = payload;
        try (PreparedStatement statement = connection.prepareStatement("select pg_notify(?, ?)")) {
            statement.setQueryTimeout(PROBE_TIMEOUT_SECONDS);
            statement.setString(1, CHANNEL);
            statement.setString(2, payload);
            statement.execute();
        }
    }

    private void handle(String payload) {
        if (payload.startsWith(PROBE_PREFIX)) {
            if (payload.equals(awaited)) {
                awaited = null;
                lastProbeBack = System.nanoTime();
                if (!live.trusted() && !closed.get()) {
                    live.trust();
                    LOG.info(failing ? "Session-end notifications arrive again: remembering live sessions"
                            : "Session-end notifications arrive: remembering live sessions (ADR 0028)");
                    failing = false;
                }
            }
            return; // another replica's probe, or an earlier one of ours
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

    /**
     * The watchdog: no probe back for too long means notifications may be late or lost; much longer, that the
     * listening thread is stuck in a read (pgjdbc waits without a time limit once a message has begun), so the
     * connection is closed under it and it connects again.
     */
    private void watch() {
        try {
            long silent = System.nanoTime() - lastProbeBack;
            if (live.trusted() && silent > PROBE_INTERVAL.plus(PROBE_DEADLINE).toNanos()) {
                lose("no probe came back for " + TimeUnit.NANOSECONDS.toMillis(silent) + " ms");
            }
            Connection connection = current;
            if (connection != null && silent > hungAfter.toNanos()) {
                LOG.warn("The session-end listener heard nothing for {} ms; connecting again", hungAfter.toMillis());
                lastProbeBack = System.nanoTime(); // one close per hang
                connection.close();
            }
        } catch (Throwable e) { // never let the watchdog's schedule end quietly
            live.distrust();
            LOG.error("The session-end watchdog failed; not remembering live sessions", e);
        }
    }

    private synchronized void lose(String why) {
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

    /** Stops listening and watching, closes the connection and forgets everything. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        watchdog.shutdownNow();
        live.distrust();
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
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        live.distrust();
    }
}
