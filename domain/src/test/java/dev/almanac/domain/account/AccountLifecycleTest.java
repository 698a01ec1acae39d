package dev.almanac.domain.account;

import static dev.almanac.domain.testing.Accounts.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.ForbiddenException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AccountLifecycleTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "PENDING_VERIFICATION, ACTIVE, true",
            "PENDING_VERIFICATION, DISABLED, true",
            "PENDING_VERIFICATION, PENDING_VERIFICATION, true",
            "ACTIVE, DISABLED, true",
            "ACTIVE, ACTIVE, true",
            "ACTIVE, PENDING_VERIFICATION, false",
            "DISABLED, ACTIVE, false",
            "DISABLED, PENDING_VERIFICATION, false",
            "DISABLED, DISABLED, true"})
    void the_transition_table(AccountStatus from, AccountStatus to, boolean allowed) {
        assertThat(from.canMoveTo(to)).isEqualTo(allowed);
        if (allowed) {
            assertThat(from.moveTo(to)).isEqualTo(to);
        } else {
            assertThatThrownBy(() -> from.moveTo(to))
                    .isInstanceOf(ConflictException.class)
                    .hasMessageContaining(from.name()).hasMessageContaining(to.name())
                    .extracting(e -> ((ConflictException) e).code())
                    .isEqualTo("account.status.illegal_transition");
        }
    }

    @Nested
    class GivenAPendingAccount {
        private final Account pending = anAccount().build();

        @Test
        void it_may_authenticate_but_not_reach_other_people() {
            assertThat(pending.canAuthenticate()).isTrue();
            assertThatThrownBy(pending::requireVerified)
                    .isInstanceOf(ForbiddenException.class)
                    .extracting(e -> ((ForbiddenException) e).code()).isEqualTo("account.unverified");
        }

        @Test
        void activating_it_keeps_everything_else() {
            Account active = pending.activate();
            assertThat(active.status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(active).usingRecursiveComparison().ignoringFields("status").isEqualTo(pending);
        }

        @Test
        void it_cannot_move_to_a_new_address_before_it_proved_the_first() {
            assertThatThrownBy(() -> pending.withVerifiedEmail(EmailAddress.of("new@example.org")))
                    .isInstanceOf(ForbiddenException.class);
        }

        @Test
        void an_operator_may_disable_it() {
            assertThat(pending.disable().status()).isEqualTo(AccountStatus.DISABLED);
        }
    }

    @Nested
    class GivenADisabledAccount {
        private final Account disabled = anAccount().active().disable();

        @Test
        void it_can_neither_authenticate_nor_come_back() {
            assertThat(disabled.canAuthenticate()).isFalse();
            assertThatThrownBy(disabled::activate).isInstanceOf(ConflictException.class);
            assertThatThrownBy(disabled::requireVerified).isInstanceOf(ForbiddenException.class);
        }

        @Test
        void disabling_it_again_changes_nothing() {
            assertThat(disabled.disable()).isSameAs(disabled);
        }
    }

    @Test
    void an_active_account_moves_to_a_verified_address() {
        Account active = anAccount().withEmail("old@example.org").active();
        Account moved = active.withVerifiedEmail(EmailAddress.of("New@Example.org"));
        assertThat(moved.email().value()).isEqualTo("New@Example.org");
        assertThat(moved.status()).isEqualTo(AccountStatus.ACTIVE);
        assertThat(moved.id()).isEqualTo(active.id());
    }
}
