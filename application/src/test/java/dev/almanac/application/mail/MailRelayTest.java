package dev.almanac.application.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.RecordingMailSender;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.testing.Accounts;
import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MailRelayTest {
    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final RecordingMailSender smtp = new RecordingMailSender();
    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(30), Duration.ofMinutes(4), 5);
    private final RelayMailUseCase relay = MailRelay.wire(store.outbox(), smtp, clock, policy);

    private void queueOne() {
        var ada = Accounts.anAccount().createdAt(clock.instant()).build();
        var token = VerificationToken.issue(SecretHash.of("t"), ada.id(), new VerificationToken.Activate(),
                clock.instant());
        store.lifecycle().open(ada, token, new OutgoingMail(EmailAddress.of("ada@example.org"), "Hello", "body"));
    }

    @Test
    void a_queued_mail_is_sent_once() {
        queueOne();
        assertThat(relay.relayDue()).isEqualTo(1);
        assertThat(relay.relayDue()).isZero();
        assertThat(smtp.sent()).extracting(OutgoingMail::subject).containsExactly("Hello");
        assertThat(store.outbox().entries().get(0).state()).isEqualTo("SENT");
    }

    @Test
    void a_failed_mail_waits_twice_as_long_each_time_then_goes_once_the_server_is_back() {
        queueOne();
        smtp.down(true);
        assertThat(relay.relayDue()).isEqualTo(1);
        var entry = store.outbox().entries().get(0);
        assertThat(entry.attempts()).isEqualTo(1);
        assertThat(entry.nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(30));

        clock.advance(Duration.ofSeconds(29));
        assertThat(relay.relayDue()).as("not due yet").isZero();
        clock.advance(Duration.ofSeconds(1));
        assertThat(relay.relayDue()).isEqualTo(1);
        assertThat(store.outbox().entries().get(0).nextAttemptAt()).isEqualTo(clock.instant().plusSeconds(60));

        smtp.down(false);
        clock.advance(Duration.ofSeconds(60));
        assertThat(relay.relayDue()).isEqualTo(1);
        assertThat(smtp.sent()).hasSize(1);
        assertThat(store.outbox().entries().get(0).state()).isEqualTo("SENT");
    }

    @Test
    void a_mail_that_keeps_failing_is_given_up_after_the_last_attempt() {
        queueOne();
        smtp.down(true);
        for (int i = 0; i < 5; i++) {
            assertThat(relay.relayDue()).isEqualTo(1);
            clock.advance(Duration.ofHours(1));
        }
        assertThat(store.outbox().entries().get(0).state()).isEqualTo("DEAD");
        smtp.down(false);
        assertThat(relay.relayDue()).isZero();
        assertThat(smtp.sent()).isEmpty();
    }

    @Nested
    class ThePolicy {
        @Test
        void doubles_up_to_its_cap() {
            assertThat(policy.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
            assertThat(policy.delayAfter(2)).isEqualTo(Duration.ofSeconds(60));
            assertThat(policy.delayAfter(4)).isEqualTo(Duration.ofMinutes(4));
            assertThat(policy.delayAfter(40)).isEqualTo(Duration.ofMinutes(4));
            assertThat(policy.exhausted(4)).isFalse();
            assertThat(policy.exhausted(5)).isTrue();
        }

        @Test
        void refuses_nonsense() {
            assertThatThrownBy(() -> new RetryPolicy(Duration.ZERO, Duration.ofMinutes(1), 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(2), Duration.ofMinutes(1), 3))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new RetryPolicy(Duration.ofMinutes(1), Duration.ofMinutes(1), 0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(ResendLimit.DEFAULT.perHour()).isEqualTo(5);
        }
    }
}
