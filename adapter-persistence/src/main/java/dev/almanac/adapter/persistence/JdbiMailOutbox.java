package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.EmailAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link MailOutbox} on PostgreSQL. Each mail is claimed, delivered and recorded in a transaction of its own:
 * {@code for update skip locked} hands a due row to exactly one relay while the others pass over it, and the row
 * stays locked until its outcome is committed, so a mail recorded as sent is never claimed again. Should the
 * process die between handing the mail over and committing, the mail is sent once more: at least once, never
 * lost (docs/adr/0013).
 */
final class JdbiMailOutbox implements MailOutbox {
    private final Jdbi jdbi;

    JdbiMailOutbox(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public int relay(Instant now, int batch, Function<QueuedMail, Delivery> deliver) {
        int handled = 0;
        while (handled < batch && jdbi.inTransaction(handle -> relayOne(handle, now, deliver))) {
            handled++;
        }
        return handled;
    }

    private static boolean relayOne(Handle handle, Instant now, Function<QueuedMail, Delivery> deliver) {
        Optional<QueuedMail> claimed = handle.createQuery("""
                        select id, recipient, subject, body, attempts, queued_at
                          from mail_outbox
                         where state = 'PENDING' and next_attempt_at <= :now
                         order by next_attempt_at, queued_at
                         limit 1
                           for update skip locked
                        """)
                .bind("now", utc(now))
                .map((rs, ctx) -> new QueuedMail(rs.getObject("id", UUID.class),
                        new OutgoingMail(EmailAddress.of(rs.getString("recipient")), rs.getString("subject"),
                                rs.getString("body")),
                        rs.getInt("attempts"), SqlValues.instant(rs, "queued_at")))
                .findOne();
        if (claimed.isEmpty()) {
            return false;
        }
        record(handle, claimed.get().id(), deliver.apply(claimed.get()));
        return true;
    }

    private static void record(Handle handle, UUID id, Delivery delivery) {
        if (delivery instanceof Sent sent) {
            handle.createUpdate("""
                            update mail_outbox
                               set state = 'SENT', sent_at = :at, attempts = attempts + 1, subject = null, body = null
                             where id = :id
                            """)
                    .bind("at", utc(sent.at())).bind("id", id).execute();
        } else if (delivery instanceof Retry retry) {
            handle.createUpdate("""
                            update mail_outbox
                               set attempts = attempts + 1, next_attempt_at = :next, last_error = :error
                             where id = :id
                            """)
                    .bind("next", utc(retry.nextAttemptAt())).bind("error", retry.error()).bind("id", id).execute();
        } else if (delivery instanceof GaveUp gaveUp) {
            handle.createUpdate("""
                            update mail_outbox
                               set state = 'DEAD', attempts = attempts + 1, last_error = :error,
                                   subject = null, body = null
                             where id = :id
                            """)
                    .bind("error", gaveUp.error()).bind("id", id).execute();
        }
    }
}
