package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.AccountId;
import java.time.Instant;
import org.jdbi.v3.core.Handle;

/**
 * Queues a mail in {@code mail_outbox} on the caller's handle, inside the caller's transaction. Each mail names
 * the account it is about, so deleting the account deletes its mail too (queued or sent: the recipient is personal
 * data).
 */
final class MailQueue {

    void add(Handle handle, AccountId account, OutgoingMail mail, Instant now) {
        handle.createUpdate("""
                        insert into mail_outbox (id, account_id, recipient, subject, body, state, attempts,
                                                 queued_at, next_attempt_at)
                        values (gen_random_uuid(), :account, :recipient, :subject, :body, 'PENDING', 0, :now, :now)
                        """)
                .bind("account", account.value())
                .bind("recipient", mail.to().value())
                .bind("subject", mail.subject())
                .bind("body", mail.body())
                .bind("now", utc(now))
                .execute();
    }
}
