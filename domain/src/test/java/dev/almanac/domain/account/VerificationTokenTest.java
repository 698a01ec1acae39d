package dev.almanac.domain.account;

import static dev.almanac.domain.testing.Accounts.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.testing.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class VerificationTokenTest {
    private static final Instant ISSUED = Instant.parse("2026-03-01T12:00:00Z");
    private final Account pending = anAccount().withId(Ids.account(1)).build();

    private VerificationToken activation() {
        return VerificationToken.issue(SecretHash.of("a-token"), pending.id(), new VerificationToken.Activate(),
                ISSUED);
    }

    @Test
    void a_token_lives_for_24_hours() {
        assertThat(activation().expiresAt()).isEqualTo(ISSUED.plus(Duration.ofHours(24)));
        assertThat(activation().usedAt()).isEmpty();
    }

    @Nested
    class Redeeming {
        @Test
        void an_activation_token_activates_the_account_and_is_used_up() {
            var redeemed = activation().redeem(pending, ISSUED.plusSeconds(60));
            assertThat(redeemed.after().status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(redeemed.before()).isEqualTo(pending);
            assertThat(redeemed.token().usedAt()).contains(ISSUED.plusSeconds(60));
        }

        @Test
        void a_used_token_is_refused() {
            var used = activation().redeem(pending, ISSUED.plusSeconds(1)).token();
            assertThatThrownBy(() -> used.redeem(pending, ISSUED.plusSeconds(2)))
                    .isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).code())
                    .isEqualTo("account.verification.token_used");
        }

        @Test
        void a_token_is_refused_from_the_moment_it_expires() {
            var token = activation();
            assertThat(token.redeem(pending, token.expiresAt().minusMillis(1)).after().status())
                    .isEqualTo(AccountStatus.ACTIVE);
            assertThatThrownBy(() -> token.redeem(pending, token.expiresAt()))
                    .isInstanceOf(RuleViolationException.class)
                    .extracting(e -> ((RuleViolationException) e).code())
                    .isEqualTo("account.verification.token_expired");
        }

        @Test
        void an_address_change_token_moves_the_account_to_the_address_it_was_mailed_to() {
            Account active = pending.activate();
            var token = VerificationToken.issue(SecretHash.of("t"), active.id(),
                    new VerificationToken.ChangeEmail(EmailAddress.of("new@example.org")), ISSUED);
            assertThat(token.redeem(active, ISSUED.plusSeconds(5)).after().email().value())
                    .isEqualTo("new@example.org");
        }

        @Test
        void an_activation_token_of_a_disabled_account_is_a_conflict() {
            assertThatThrownBy(() -> activation().redeem(pending.disable(), ISSUED.plusSeconds(5)))
                    .hasMessageContaining("DISABLED");
        }

        @Test
        void a_token_is_only_ever_redeemed_for_its_own_account() {
            Account other = anAccount().withId(Ids.account(2)).build();
            assertThatThrownBy(() -> activation().redeem(other, ISSUED))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class TheResendLimit {
        private final ResendLimit limit = ResendLimit.DEFAULT;
        private final Instant now = Instant.parse("2026-03-01T12:00:00Z");

        @Test
        void one_mail_a_minute() {
            assertThat(limit.allows(List.of(), now)).isTrue();
            assertThat(limit.allows(List.of(now.minusSeconds(59)), now)).isFalse();
            assertThat(limit.allows(List.of(now.minusSeconds(60)), now)).isTrue();
        }

        @Test
        void five_mails_an_hour() {
            var four = List.of(now.minusSeconds(3000), now.minusSeconds(2000), now.minusSeconds(1000),
                    now.minusSeconds(100));
            assertThat(limit.allows(four, now)).isTrue();
            var five = new java.util.ArrayList<>(four);
            five.add(now.minusSeconds(3500));
            assertThat(limit.allows(five, now)).isFalse();
            five.set(4, now.minusSeconds(3600));
            assertThat(limit.allows(five, now)).isTrue();
        }
    }
}
