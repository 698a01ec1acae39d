package dev.almanac.application.port;

import static java.util.Objects.requireNonNull;

import java.time.Instant;
import java.util.UUID;
import java.util.function.Function;

/**
 * The transactional outbox: mails queued in the same transaction as the change that caused them (see
 * {@link AccountLifecycleStore}), relayed later by a worker, so no request ever waits on a mail server and no
 * mail leaves for a change that was rolled back (docs/adr/0013).
 *
 * <p>Several replicas may relay at once: each claims the mails it handles so no other replica sees them until
 * it has recorded their outcome, and a mail recorded as sent is never handed out again.
 */
public interface MailOutbox {

    /**
     * Claims up to {@code batch} mails that are due at {@code now} and not held by another relay, oldest first,
     * asks {@code deliver} what became of each, and records that outcome.
     *
     * @return how many mails were handled
     */
    int relay(Instant now, int batch, Function<QueuedMail, Delivery> deliver);

    /** A mail waiting to go, with how often it has been tried so far. */
    record QueuedMail(UUID id, OutgoingMail mail, int attempts, Instant queuedAt) {
        public QueuedMail {
            requireNonNull(id, "id");
            requireNonNull(mail, "mail");
            requireNonNull(queuedAt, "queuedAt");
            if (attempts < 0) {
                throw new IllegalArgumentException("attempts must not be negative");
            }
        }
    }

    /** What became of one attempt. */
    sealed interface Delivery {
        Instant at();
    }

    /** Handed over; never tried again. Its body (which may hold a secret link) is no longer kept. */
    record Sent(Instant at) implements Delivery {
    }

    /** Failed; try again at {@code nextAttemptAt}. */
    record Retry(Instant at, Instant nextAttemptAt, String error) implements Delivery {
    }

    /** Failed for the last time: kept as dead (without its body) for an operator to look at. */
    record GaveUp(Instant at, String error) implements Delivery {
    }
}
