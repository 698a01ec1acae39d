package dev.almanac.bootstrap;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.mail.RelayMailUseCase;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Drains the mail outbox on one background thread: every {@code interval} it relays batches of due mails until
 * none is left. A failure (the database is away, say) is logged and the next round tries again. Every replica
 * runs one; the outbox keeps them from sending a mail twice (docs/adr/0013).
 */
final class MailRelayWorker implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MailRelayWorker.class);
    /** How long {@link #close()} lets a round in progress finish (a mail server may take its timeout to answer). */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);
    /** At most this many batches a round, so a huge backlog cannot keep the thread from noticing a stop. */
    private static final int MAX_BATCHES_PER_ROUND = 50;

    private final RelayMailUseCase relay;
    private final ScheduledExecutorService thread;

    private MailRelayWorker(RelayMailUseCase relay) {
        this.relay = requireNonNull(relay, "relay");
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, "almanac-mail-relay");
            worker.setDaemon(true);
            return worker;
        });
    }

    static MailRelayWorker start(RelayMailUseCase relay, Duration interval) {
        MailRelayWorker worker = new MailRelayWorker(relay);
        worker.thread.scheduleWithFixedDelay(worker::round, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return worker;
    }

    private void round() {
        try {
            for (int i = 0; i < MAX_BATCHES_PER_ROUND && !Thread.currentThread().isInterrupted(); i++) {
                if (relay.relayDue() == 0) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Mail relay round failed, trying again shortly: {}", e.toString());
        }
    }

    /** Stops taking new rounds and waits for the one in progress, so no mail is left half-recorded. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                LOG.warn("Mail relay did not stop within {}; interrupting it", STOP_TIMEOUT);
                thread.shutdownNow();
            }
        } catch (InterruptedException e) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
