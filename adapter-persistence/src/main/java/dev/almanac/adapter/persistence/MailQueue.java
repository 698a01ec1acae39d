package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.OutgoingMail;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/** Queues a mail in {@code mail_outbox} on the caller's handle, inside the caller's transaction. */
final class MailQueue {

    void add(Handle handle, OutgoingMail mail, Instant now) {
        handle.createUpdate("""
                        insert into mail_outbox (id, recipient, subject, body, state, attempts, queued_at,
                                                 next_attempt_at)
                        values (gen_random_uuid(), :recipient, :subject, :body, 'PENDING', 0, :now, :now)
                        """)
                .bind("recipient", mail.to().value())
                .bind("subject", mail.subject())
                .bind("body", mail.body())
                .bind("now", utc(now))
                .execute();
    }
}
