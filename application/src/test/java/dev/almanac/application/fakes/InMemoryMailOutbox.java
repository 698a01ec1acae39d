package dev.almanac.application.fakes;

import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.OutgoingMail;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/** A {@link MailOutbox} in memory; the store's lock stands in for PostgreSQL's row locks. */
public final class InMemoryMailOutbox implements MailOutbox {
    private final InMemoryStore store;

    InMemoryMailOutbox(InMemoryStore store) {
        this.store = store;
    }

    /** One queued mail and what has become of it. */
    public static final class Entry {
        final UUID id;
        final Instant queuedAt;
        Optional<OutgoingMail> mail;
        int attempts;
        String state = "PENDING";
        Instant nextAttemptAt;
        String lastError;

        Entry(UUID id, OutgoingMail mail, Instant queuedAt) {
            this.id = id;
            this.mail = Optional.of(mail);
            this.queuedAt = queuedAt;
            this.nextAttemptAt = queuedAt;
        }

        public String state() {
            return state;
        }

        public int attempts() {
            return attempts;
        }

        public Instant nextAttemptAt() {
            return nextAttemptAt;
        }
    }

    @Override
    public int relay(Instant now, int batch, Function<QueuedMail, Delivery> deliver) {
        synchronized (store) {
            List<Entry> due = store.outbox.stream()
                    .filter(e -> e.state.equals("PENDING") && !e.nextAttemptAt.isAfter(now))
                    .limit(batch)
                    .toList();
            for (Entry entry : due) {
                Delivery delivery = deliver.apply(new QueuedMail(entry.id, entry.mail.orElseThrow(), entry.attempts,
                        entry.queuedAt));
                if (delivery instanceof Sent) {
                    entry.state = "SENT";
                    entry.mail = Optional.empty();
                } else if (delivery instanceof Retry retry) {
                    entry.attempts++;
                    entry.nextAttemptAt = retry.nextAttemptAt();
                    entry.lastError = retry.error();
                } else if (delivery instanceof GaveUp gaveUp) {
                    entry.attempts++;
                    entry.state = "DEAD";
                    entry.mail = Optional.empty();
                    entry.lastError = gaveUp.error();
                }
            }
            return due.size();
        }
    }

    /** The mails still waiting to be sent, oldest first (tests read the tokens out of them). */
    public List<OutgoingMail> pending() {
        synchronized (store) {
            return store.outbox.stream().filter(e -> e.state.equals("PENDING"))
                    .map(e -> e.mail.orElseThrow()).toList();
        }
    }

    /** Every entry, whatever its state. */
    public List<Entry> entries() {
        synchronized (store) {
            return List.copyOf(store.outbox);
        }
    }
}
