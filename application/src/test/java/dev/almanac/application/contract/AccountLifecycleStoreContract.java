package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.account;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.AccountLifecycleStore;
import dev.almanac.application.port.AccountLifecycleStore.Redemption;
import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountStatus;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AccountLifecycleStore} does; run against the in-memory fake and PostgreSQL. */
public abstract class AccountLifecycleStoreContract {
    protected abstract LifecycleStores freshStores();

    private LifecycleStores stores;
    private AccountLifecycleStore lifecycle;

    @BeforeEach
    void emptyStore() {
        stores = freshStores();
        lifecycle = stores.lifecycle();
    }

    private static OutgoingMail mail(String to, String subject) {
        return new OutgoingMail(EmailAddress.of(to), subject, "the body of " + subject);
    }

    private static VerificationToken activation(Account account, String secret, Instant at) {
        return VerificationToken.issue(SecretHash.of(secret), account.id(), new VerificationToken.Activate(), at);
    }

    /** Every mail the outbox would hand out now (sent away by the relay, so each is read once). */
    private List<OutgoingMail> drain(Instant now) {
        List<OutgoingMail> seen = new ArrayList<>();
        stores.outbox().relay(now, 100, q -> {
            seen.add(q.mail());
            return new MailOutbox.Sent(now);
        });
        return seen;
    }

    private Account opened(String email) {
        Account account = account(email);
        lifecycle.open(account, activation(account, "first-" + email, NOW), mail(email, "Welcome"));
        return account;
    }

    private Redemption redeemAt(VerificationToken token, Account holder, Instant at, List<OutgoingMail> mails) {
        return new Redemption(token.redeem(holder, at), mails);
    }

    @Test
    void opening_stores_the_account_and_queues_its_mail() {
        Account ada = opened("ada@example.org");

        assertThat(stores.accounts().byId(ada.id())).contains(ada);
        assertThat(drain(NOW)).extracting(OutgoingMail::subject).containsExactly("Welcome");
    }

    @Test
    void opening_a_taken_address_stores_and_queues_nothing() {
        opened("ada@example.org");
        drain(NOW);
        Account twin = account("ADA@example.org");

        assertThatThrownBy(() -> lifecycle.open(twin, activation(twin, "twin", NOW), mail("ada@example.org", "Twin")))
                .isInstanceOf(ConflictException.class);
        assertThat(stores.accounts().byId(twin.id())).isEmpty();
        assertThat(drain(NOW)).isEmpty();
    }

    @Test
    void redeeming_activates_once_and_later_answers_used() {
        Account ada = opened("ada@example.org");

        Account active = lifecycle.redeem(SecretHash.of("first-ada@example.org"),
                (token, holder) -> redeemAt(token, holder, NOW.plusSeconds(5), List.of())).orElseThrow();

        assertThat(active.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(stores.accounts().byId(ada.id()).orElseThrow().status()).isEqualTo(AccountStatus.ACTIVE);
        assertThatThrownBy(() -> lifecycle.redeem(SecretHash.of("first-ada@example.org"),
                (token, holder) -> redeemAt(token, holder, NOW.plusSeconds(6), List.of())))
                .isInstanceOf(RuleViolationException.class).hasMessageContaining("already been used");
    }

    @Test
    void an_unknown_hash_redeems_nothing() {
        opened("ada@example.org");
        assertThat(lifecycle.redeem(SecretHash.of("never issued"), (token, holder) -> {
            throw new AssertionError("not called");
        })).isEmpty();
    }

    @Test
    void a_redemption_that_fails_writes_nothing() {
        Account ada = opened("ada@example.org");
        Instant expired = NOW.plus(Duration.ofHours(25));

        assertThatThrownBy(() -> lifecycle.redeem(SecretHash.of("first-ada@example.org"),
                (token, holder) -> redeemAt(token, holder, expired, List.of())))
                .isInstanceOf(RuleViolationException.class);
        assertThat(stores.accounts().byId(ada.id()).orElseThrow().status())
                .isEqualTo(AccountStatus.PENDING_VERIFICATION);
    }

    @Test
    void redeeming_drops_the_other_unused_tokens_of_that_purpose_and_queues_the_redemptions_mails() {
        Account ada = opened("ada@example.org");
        assertThat(lifecycle.issue(activation(ada, "second", NOW.plusSeconds(120)), mail("ada@example.org", "Again"),
                ResendLimit.DEFAULT)).isTrue();
        drain(NOW.plusSeconds(120));

        lifecycle.redeem(SecretHash.of("second"), (token, holder) -> redeemAt(token, holder, NOW.plusSeconds(130),
                List.of(mail("ada@example.org", "Activated"))));

        assertThat(lifecycle.redeem(SecretHash.of("first-ada@example.org"), (t, h) -> {
            throw new AssertionError("the first token is gone");
        })).isEmpty();
        assertThat(drain(NOW.plusSeconds(130))).extracting(OutgoingMail::subject).containsExactly("Activated");
    }

    /** Ada, activated, with a token (secret "move") to move her to {@code address}. */
    private Account activeAskingToMoveTo(String address) {
        Account ada = opened("ada@example.org");
        lifecycle.redeem(SecretHash.of("first-ada@example.org"),
                (token, holder) -> redeemAt(token, holder, NOW.plusSeconds(1), List.of()));
        VerificationToken move = VerificationToken.issue(SecretHash.of("move"), ada.id(),
                new VerificationToken.ChangeEmail(EmailAddress.of(address)), NOW.plusSeconds(2));
        assertThat(lifecycle.issue(move, mail(address, "Move"), ResendLimit.DEFAULT)).isTrue();
        return ada;
    }

    @Test
    void an_address_change_is_refused_when_the_address_was_taken_meanwhile() {
        Account ada = activeAskingToMoveTo("grace@example.org");
        opened("Grace@Example.org");
        drain(NOW.plusSeconds(2));

        assertThatThrownBy(() -> lifecycle.redeem(SecretHash.of("move"), (token, holder) ->
                redeemAt(token, holder, NOW.plusSeconds(3), List.of(mail("ada@example.org", "Moved")))))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("account.email.taken");

        assertThat(stores.accounts().byId(ada.id()).orElseThrow().email().value()).isEqualTo("ada@example.org");
        assertThat(drain(NOW.plusSeconds(3))).isEmpty();
    }

    @Test
    void an_address_change_moves_the_account() {
        Account ada = activeAskingToMoveTo("Lovelace@example.org");

        lifecycle.redeem(SecretHash.of("move"), (token, holder) -> redeemAt(token, holder, NOW.plusSeconds(3),
                List.of()));

        assertThat(stores.accounts().byEmail(EmailAddress.of("lovelace@example.org"))).get()
                .extracting(Account::id).isEqualTo(ada.id());
        assertThat(stores.accounts().byEmail(EmailAddress.of("ada@example.org"))).isEmpty();
    }

    @Test
    void issuing_obeys_the_limit_per_account_and_purpose() {
        Account ada = opened("ada@example.org");
        drain(NOW);
        assertThat(lifecycle.issue(activation(ada, "too-soon", NOW.plusSeconds(30)), mail("ada@example.org", "Soon"),
                ResendLimit.DEFAULT)).isFalse();
        assertThat(lifecycle.issue(activation(ada, "later", NOW.plusSeconds(60)), mail("ada@example.org", "Later"),
                ResendLimit.DEFAULT)).isTrue();
        VerificationToken move = VerificationToken.issue(SecretHash.of("move"), ada.id(),
                new VerificationToken.ChangeEmail(EmailAddress.of("new@example.org")), NOW.plusSeconds(61));
        assertThat(lifecycle.issue(move, mail("new@example.org", "Move"), ResendLimit.DEFAULT))
                .as("another purpose counts on its own").isTrue();

        assertThat(drain(NOW.plusSeconds(61))).extracting(OutgoingMail::subject).containsExactly("Later", "Move");
    }

    @Test
    void issuing_for_a_missing_account_does_nothing() {
        Account ghost = account("ghost@example.org");
        assertThat(lifecycle.issue(activation(ghost, "ghost", NOW), mail("ghost@example.org", "Boo"),
                ResendLimit.DEFAULT)).isFalse();
        assertThat(drain(NOW)).isEmpty();
    }

    @Test
    void disabling_revokes_every_session_in_the_same_step() {
        Account ada = opened("ada@example.org");
        Session session = Session.start(new SessionId(newId()), ada.id(), SecretHash.of("refresh"),
                new Client("192.0.2.1", "curl"), NOW);
        stores.sessions().add(session);

        Account disabled = lifecycle.changeStatus(EmailAddress.of("ADA@example.org"), Account::disable,
                NOW.plusSeconds(10)).orElseThrow();

        assertThat(disabled.status()).isEqualTo(AccountStatus.DISABLED);
        assertThat(stores.accounts().byId(ada.id()).orElseThrow().status()).isEqualTo(AccountStatus.DISABLED);
        assertThat(stores.sessions().active(ada.id(), NOW.plusSeconds(10))).isEmpty();
        assertThat(lifecycle.changeStatus(EmailAddress.of("nobody@example.org"), Account::disable, NOW)).isEmpty();
    }
}
