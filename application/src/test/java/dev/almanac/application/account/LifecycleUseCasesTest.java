package dev.almanac.application.account;

import dev.almanac.application.fakes.FakeAccessTokens;
import dev.almanac.application.fakes.FakePasswordBlocklist;
import dev.almanac.application.fakes.FakePasswordHasher;
import dev.almanac.application.fakes.FakeSecrets;
import dev.almanac.application.fakes.InMemoryAuditTrail;
import dev.almanac.application.fakes.InMemoryLoginThrottles;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountStatus;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class LifecycleUseCasesTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");
    private static final RequestContext LAPTOP = new RequestContext(new Client("192.0.2.1", "Firefox/140"),
            RequestId.NONE);

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final AccountUseCases accounts = AccountUseCases.wire(new AccountPorts(store.accounts(), store.sessions(),
            store.apiKeys(), new InMemoryLoginThrottles(), new FakePasswordHasher(), new FakePasswordBlocklist(),
            new FakeAccessTokens(), new FakeSecrets(), new SequentialIds(), clock, new InMemoryAuditTrail()), store.lifecycle().ports());

    private Account signUp(String email) {
        return accounts.register().register(new RegisterAccountUseCase.Command(email, PASSWORD, "Ada"), RequestContext.UNKNOWN);
    }

    private List<OutgoingMail> mailsTo(String address) {
        return store.outbox().pending().stream().filter(m -> m.to().value().equals(address)).toList();
    }

    private static String tokenIn(OutgoingMail mail) {
        Matcher m = TOKEN.matcher(mail.body());
        assertThat(m.find()).as("a token link in %s", mail.body()).isTrue();
        return m.group(1);
    }

    private String lastTokenTo(String address) {
        List<OutgoingMail> mails = mailsTo(address);
        return tokenIn(mails.get(mails.size() - 1));
    }

    private Account activeAda() {
        signUp("ada@example.org");
        return accounts.verify().verify(lastTokenTo("ada@example.org"), LAPTOP);
    }

    @Nested
    class SigningUp {
        @Test
        void opens_a_pending_account_and_queues_one_mail_with_a_link_to_the_public_url() {
            Account ada = signUp("ada@example.org");

            assertThat(ada.status()).isEqualTo(AccountStatus.PENDING_VERIFICATION);
            List<OutgoingMail> mails = mailsTo("ada@example.org");
            assertThat(mails).hasSize(1);
            assertThat(mails.get(0).subject()).isEqualTo("Confirm your Almanac address");
            assertThat(mails.get(0).body()).contains("http://localhost:8080/verify#token=")
                    .contains("http://localhost:8080/v1/accounts/verify").contains("2026-03-02T08:00:00Z");
        }

        @Test
        void a_taken_address_queues_nothing() {
            signUp("ada@example.org");
            assertThatThrownBy(() -> signUp("ADA@example.org")).isInstanceOf(ConflictException.class);
            assertThat(store.outbox().pending()).hasSize(1);
        }

        @Test
        void a_pending_account_may_sign_in() {
            signUp("ada@example.org");
            var signedIn = accounts.signIn().signIn(new AuthenticateUseCase.Command("ada@example.org", PASSWORD),
                    LAPTOP);
            assertThat(accounts.identifyCaller().identify(signedIn.accessToken().token())).isNotNull();
        }
    }

    @Nested
    class Verifying {
        @Test
        void the_mailed_token_activates_the_account_once() {
            Account ada = signUp("ada@example.org");
            String token = lastTokenTo("ada@example.org");

            assertThat(accounts.verify().verify(token, LAPTOP).status()).isEqualTo(AccountStatus.ACTIVE);
            assertThat(accounts.getAccount().get(ada.id()).status()).isEqualTo(AccountStatus.ACTIVE);
            assertViolation(() -> accounts.verify().verify(token, LAPTOP), "token", "account.verification.token_used");
        }

        @Test
        void a_token_expires_after_24_hours_and_leaves_the_account_pending() {
            Account ada = signUp("ada@example.org");
            String token = lastTokenTo("ada@example.org");
            clock.advance(Duration.ofHours(24));

            assertViolation(() -> accounts.verify().verify(token, LAPTOP), "token", "account.verification.token_expired");
            assertThat(accounts.getAccount().get(ada.id()).status()).isEqualTo(AccountStatus.PENDING_VERIFICATION);
        }

        @Test
        void unknown_and_malformed_tokens_are_told_apart() {
            assertViolation(() -> accounts.verify().verify("A".repeat(43), LAPTOP), "token",
                    "account.verification.token_invalid");
            for (String bad : new String[] {"", "short", "A".repeat(44), "A".repeat(42) + "=", "A".repeat(42) + "\u0000",
                    "x".repeat(100_000)}) {
                assertViolation(() -> accounts.verify().verify(bad, LAPTOP), "token", "account.verification.token_malformed");
            }
        }

        @Test
        void activating_drops_the_other_tokens_of_the_account() {
            signUp("ada@example.org");
            String first = lastTokenTo("ada@example.org");
            clock.advance(Duration.ofMinutes(2));
            accounts.resendVerification().resend("ada@example.org", LAPTOP);
            String second = lastTokenTo("ada@example.org");
            assertThat(second).isNotEqualTo(first);

            accounts.verify().verify(second, LAPTOP);

            assertViolation(() -> accounts.verify().verify(first, LAPTOP), "token", "account.verification.token_invalid");
        }
    }

    @Nested
    class Resending {
        @Test
        void mails_a_pending_account_a_new_token() {
            signUp("ada@example.org");
            clock.advance(Duration.ofMinutes(1));
            accounts.resendVerification().resend("Ada@Example.org", LAPTOP);
            assertThat(mailsTo("ada@example.org")).hasSize(2);
        }

        @Test
        void says_and_sends_nothing_for_an_unknown_or_verified_address() {
            accounts.resendVerification().resend("nobody@example.org", LAPTOP);
            activeAda();
            clock.advance(Duration.ofMinutes(5));
            int before = store.outbox().pending().size();
            accounts.resendVerification().resend("ada@example.org", LAPTOP);
            assertThat(store.outbox().pending()).hasSize(before);
        }

        @Test
        void at_most_one_mail_a_minute_and_five_an_hour() {
            signUp("ada@example.org");
            accounts.resendVerification().resend("ada@example.org", LAPTOP);
            assertThat(mailsTo("ada@example.org")).as("dropped within the minute of sign-up").hasSize(1);
            for (int i = 0; i < 10; i++) {
                clock.advance(Duration.ofMinutes(1));
                accounts.resendVerification().resend("ada@example.org", LAPTOP);
            }
            assertThat(mailsTo("ada@example.org")).as("five in the hour, sign-up's included").hasSize(5);
            clock.advance(Duration.ofMinutes(60));
            accounts.resendVerification().resend("ada@example.org", LAPTOP);
            assertThat(mailsTo("ada@example.org")).hasSize(6);
        }

        @Test
        void a_malformed_address_is_a_rule_violation() {
            assertViolation(() -> accounts.resendVerification().resend("not an address", LAPTOP), "email",
                    "account.email.invalid");
        }
    }

    @Nested
    class ChangingTheAddress {
        @Test
        void waits_for_the_new_address_to_be_verified_then_tells_the_old_one() {
            Account ada = activeAda();
            clock.advance(Duration.ofMinutes(1));
            accounts.changeEmail().request(new ChangeEmailUseCase.Command(ada.id(), "lovelace@example.org", PASSWORD), LAPTOP);

            assertThat(accounts.getAccount().get(ada.id()).email().value()).isEqualTo("ada@example.org");
            List<OutgoingMail> toNew = mailsTo("lovelace@example.org");
            assertThat(toNew).hasSize(1);
            assertThat(toNew.get(0).subject()).isEqualTo("Confirm your new Almanac address");

            Account moved = accounts.verify().verify(tokenIn(toNew.get(0)), LAPTOP);

            assertThat(moved.email().value()).isEqualTo("lovelace@example.org");
            assertThat(accounts.getAccount().get(ada.id()).email().value()).isEqualTo("lovelace@example.org");
            List<OutgoingMail> toOld = mailsTo("ada@example.org");
            assertThat(toOld.get(toOld.size() - 1).subject()).isEqualTo("Your Almanac address was changed");
            assertThat(toOld.get(toOld.size() - 1).body()).contains("lovelace@example.org").doesNotContain("token");
        }

        @Test
        void needs_the_current_password() {
            Account ada = activeAda();
            var e = catchThrowableOfType(ForbiddenException.class, () -> accounts.changeEmail().request(
                    new ChangeEmailUseCase.Command(ada.id(), "lovelace@example.org", "wrong password"), LAPTOP));
            assertThat(e.code()).isEqualTo("account.password.wrong");
            assertThat(mailsTo("lovelace@example.org")).isEmpty();
        }

        @Test
        void a_pending_account_may_not() {
            Account ada = signUp("ada@example.org");
            var e = catchThrowableOfType(ForbiddenException.class, () -> accounts.changeEmail().request(
                    new ChangeEmailUseCase.Command(ada.id(), "lovelace@example.org", PASSWORD), LAPTOP));
            assertThat(e.code()).isEqualTo("account.unverified");
        }

        @Test
        void a_taken_or_unchanged_address_is_refused_at_once() {
            Account ada = activeAda();
            signUp("grace@example.org");
            assertThatThrownBy(() -> accounts.changeEmail().request(
                    new ChangeEmailUseCase.Command(ada.id(), "Grace@example.org", PASSWORD), LAPTOP))
                    .isInstanceOf(ConflictException.class);
            assertViolation(() -> accounts.changeEmail().request(
                    new ChangeEmailUseCase.Command(ada.id(), "ADA@example.org", PASSWORD), LAPTOP),
                    "email", "account.email.unchanged");
        }

        @Test
        void an_address_taken_after_the_request_is_a_conflict_at_verification_and_nothing_changes() {
            Account ada = activeAda();
            clock.advance(Duration.ofMinutes(1));
            accounts.changeEmail().request(new ChangeEmailUseCase.Command(ada.id(), "lovelace@example.org", PASSWORD), LAPTOP);
            String token = lastTokenTo("lovelace@example.org");
            signUp("lovelace@example.org");

            var e = catchThrowableOfType(ConflictException.class, () -> accounts.verify().verify(token, LAPTOP));

            assertThat(e.code()).isEqualTo("account.email.taken");
            assertThat(accounts.getAccount().get(ada.id()).email().value()).isEqualTo("ada@example.org");
            assertThat(mailsTo("ada@example.org")).noneMatch(m -> m.subject().contains("changed"));
        }
    }

    @Nested
    class Disabling {
        @Test
        void ends_every_session_and_every_way_in() {
            Account ada = activeAda();
            var signedIn = accounts.signIn().signIn(new AuthenticateUseCase.Command("ada@example.org", PASSWORD),
                    LAPTOP);

            Account disabled = accounts.disable().disable("ada@example.org", LAPTOP);

            assertThat(disabled.status()).isEqualTo(AccountStatus.DISABLED);
            assertThat(accounts.sessions().active(ada.id())).isEmpty();
            assertThatThrownBy(() -> accounts.identifyCaller().identify(signedIn.accessToken().token()))
                    .isInstanceOf(AuthenticationException.class);
            assertThatThrownBy(() -> accounts.refresh().refresh(signedIn.refreshToken(), LAPTOP))
                    .isInstanceOf(AuthenticationException.class);
            var e = catchThrowableOfType(AuthenticationException.class, () -> accounts.signIn().signIn(
                    new AuthenticateUseCase.Command("ada@example.org", PASSWORD), LAPTOP));
            assertThat(e.code()).isEqualTo("auth.account_disabled");
            var wrong = catchThrowableOfType(AuthenticationException.class, () -> accounts.signIn().signIn(
                    new AuthenticateUseCase.Command("ada@example.org", "not the password"), LAPTOP));
            assertThat(wrong.code()).as("a guesser learns nothing").isEqualTo("auth.invalid_credentials");
        }

        @Test
        void a_pending_account_too_and_its_token_then_no_longer_activates_it() {
            signUp("ada@example.org");
            String token = lastTokenTo("ada@example.org");
            accounts.disable().disable("ada@example.org", LAPTOP);
            var e = catchThrowableOfType(ConflictException.class, () -> accounts.verify().verify(token, LAPTOP));
            assertThat(e.code()).isEqualTo("account.status.illegal_transition");
        }

        @Test
        void an_unknown_address_is_not_found() {
            assertThatThrownBy(() -> accounts.disable().disable("nobody@example.org", LAPTOP))
                    .isInstanceOf(NotFoundException.class);
            assertThat(store.accounts().byEmail(EmailAddress.of("nobody@example.org"))).isEmpty();
        }
    }
}
