package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.account;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.MailOutbox.QueuedMail;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.security.SecretHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link MailOutbox} does; run against the in-memory fake and PostgreSQL. */
public abstract class MailOutboxContract {
    protected abstract LifecycleStores freshStores();

    private LifecycleStores stores;
    private Account ada;

    @BeforeEach
    void emptyStore() {
        stores = freshStores();
        ada = account("ada@example.org");
        queue("first", NOW);
    }

    private void queue(String subject, Instant at) {
        OutgoingMail mail = new OutgoingMail(EmailAddress.of("ada@example.org"), subject, "body " + subject);
        VerificationToken token = VerificationToken.issue(SecretHash.of(subject), ada.id(),
                new VerificationToken.Activate(), at);
        if (stores.accounts().byId(ada.id()).isEmpty()) {
            stores.lifecycle().open(ada, token, mail);
        } else {
            stores.lifecycle().issue(token, mail, new ResendLimit(100, 100));
        }
    }

    private List<QueuedMail> relay(Instant now, MailOutbox.Delivery outcome) {
        List<QueuedMail> seen = new ArrayList<>();
        stores.outbox().relay(now, 10, q -> {
            seen.add(q);
            return outcome;
        });
        return seen;
    }

    @Test
    void a_queued_mail_is_handed_out_with_its_content_and_once_sent_never_again() {
        List<QueuedMail> first = relay(NOW, new MailOutbox.Sent(NOW));

        assertThat(first).hasSize(1);
        assertThat(first.get(0).mail()).isEqualTo(new OutgoingMail(EmailAddress.of("ada@example.org"), "first",
                "body first"));
        assertThat(first.get(0).attempts()).isZero();
        assertThat(first.get(0).queuedAt()).isEqualTo(NOW);
        assertThat(relay(NOW.plusSeconds(3600), new MailOutbox.Sent(NOW))).isEmpty();
    }

    @Test
    void a_retried_mail_waits_until_it_is_due_and_counts_its_attempts() {
        relay(NOW, new MailOutbox.Retry(NOW, NOW.plusSeconds(30), "connection refused"));

        assertThat(relay(NOW.plusSeconds(29), new MailOutbox.Sent(NOW))).isEmpty();
        List<QueuedMail> again = relay(NOW.plusSeconds(30),
                new MailOutbox.Retry(NOW.plusSeconds(30), NOW.plusSeconds(90), "again"));
        assertThat(again).extracting(QueuedMail::attempts).containsExactly(1);
        assertThat(relay(NOW.plusSeconds(90), new MailOutbox.Sent(NOW.plusSeconds(90))))
                .extracting(QueuedMail::attempts).containsExactly(2);
    }

    @Test
    void a_given_up_mail_is_never_handed_out_again() {
        relay(NOW, new MailOutbox.GaveUp(NOW, "mailbox unavailable"));
        assertThat(relay(NOW.plusSeconds(86_400), new MailOutbox.Sent(NOW))).isEmpty();
    }

    @Test
    void due_mails_come_oldest_first_and_not_before_they_are_queued() {
        queue("second", NOW.plusSeconds(60));
        queue("third", NOW.plusSeconds(120));

        assertThat(relay(NOW.plusSeconds(60), new MailOutbox.Sent(NOW.plusSeconds(60))))
                .extracting(q -> q.mail().subject()).containsExactly("first", "second");
        assertThat(relay(NOW.plusSeconds(120), new MailOutbox.Sent(NOW.plusSeconds(120))))
                .extracting(q -> q.mail().subject()).containsExactly("third");
    }

    @Test
    void a_batch_is_no_larger_than_asked() {
        queue("second", NOW);
        queue("third", NOW);
        assertThat(stores.outbox().relay(NOW, 2, q -> new MailOutbox.Sent(NOW))).isEqualTo(2);
        assertThat(stores.outbox().relay(NOW, 2, q -> new MailOutbox.Sent(NOW))).isEqualTo(1);
    }
}
