package dev.almanac.application.account;

import dev.almanac.application.account.SignInUseCase.SignedIn;
import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.calendar.CreateCalendarUseCase;
import dev.almanac.application.fakes.FakeAccessTokens;
import dev.almanac.application.fakes.FakePasswordBlocklist;
import dev.almanac.application.fakes.FakePasswordHasher;
import dev.almanac.application.fakes.FakeSecrets;
import dev.almanac.application.fakes.InMemoryAuditTrail;
import dev.almanac.application.fakes.InMemoryLoginThrottles;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.LoginThrottle;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

/** Access tokens bound to sessions, password change and self-service deletion, on the in-memory stores. */
class AccountSecurityUseCasesTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final AccountUseCases accounts = AccountUseCases.wire(new AccountPorts(store.accounts(),
            store.sessions(), store.apiKeys(), new InMemoryLoginThrottles(), new FakePasswordHasher(),
            new FakePasswordBlocklist(), new FakeAccessTokens(), new FakeSecrets(), ids, clock, new InMemoryAuditTrail()),
            store.lifecycle().ports());
    private AccountId ada;

    @BeforeEach
    void registerAda() {
        ada = accounts.register().register(new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada"), RequestContext.UNKNOWN)
                .id();
    }

    private SignedIn signIn(String password) {
        return accounts.signIn().signIn(new AuthenticateUseCase.Command("ada@example.org", password),
                RequestContext.UNKNOWN);
    }

    private boolean accepted(SignedIn signedIn) {
        try {
            accounts.identifyCaller().identify(signedIn.accessToken().token());
            return true;
        } catch (AuthenticationException refused) {
            return false;
        }
    }

    private boolean refreshable(SignedIn signedIn) {
        try {
            accounts.refresh().refresh(signedIn.refreshToken(), RequestContext.UNKNOWN);
            return true;
        } catch (AuthenticationException refused) {
            return false;
        }
    }

    private void changePassword(SignedIn caller, String current, String next) {
        accounts.changePassword().changePassword(
                new ChangePasswordUseCase.Command(ada, caller.session(), current, next), RequestContext.UNKNOWN);
    }

    @Nested
    class AccessTokensBoundToSessions {
        @Test
        void a_token_names_its_account_and_its_session() {
            SignedIn signedIn = signIn(PASSWORD);

            var subject = accounts.identifyCaller().identify(signedIn.accessToken().token());

            assertThat(subject.account()).isEqualTo(ada);
            assertThat(subject.session()).isEqualTo(signedIn.session());
        }

        @Test
        void revoking_the_session_refuses_its_unexpired_access_token_at_once() {
            SignedIn laptop = signIn(PASSWORD);
            SignedIn phone = signIn(PASSWORD);

            accounts.sessions().revoke(ada, laptop.session(), RequestContext.UNKNOWN);

            assertThat(accepted(laptop)).isFalse();
            assertThat(accepted(phone)).isTrue();
        }

        @Test
        void signing_out_refuses_the_access_token_of_that_session() {
            SignedIn signedIn = signIn(PASSWORD);

            accounts.signOut().signOut(signedIn.refreshToken(), RequestContext.UNKNOWN);

            assertThat(accepted(signedIn)).isFalse();
        }

        @Test
        void reuse_of_a_rotated_refresh_token_refuses_every_access_token_of_the_family() {
            SignedIn first = signIn(PASSWORD);
            SignedIn second = accounts.refresh().refresh(first.refreshToken(), RequestContext.UNKNOWN);
            assertThat(accepted(second)).isTrue();

            assertThat(refreshable(first)).isFalse();

            assertThat(accepted(first)).isFalse();
            assertThat(accepted(second)).isFalse();
        }

        @Test
        void a_token_is_refused_once_its_session_has_expired() {
            SignedIn signedIn = signIn(PASSWORD);
            // a refresh five minutes before the session's absolute end: its access token outlives the session
            clock.advance(Session.LIFETIME.minusMinutes(5));
            SignedIn last = accounts.refresh().refresh(signedIn.refreshToken(), RequestContext.UNKNOWN);
            assertThat(accepted(last)).isTrue();

            clock.advance(Duration.ofMinutes(6));

            assertThat(accepted(last)).isFalse();
        }
    }

    @Nested
    class ChangingThePassword {
        @Test
        void the_new_password_signs_in_and_the_old_one_no_longer_does() {
            SignedIn caller = signIn(PASSWORD);

            changePassword(caller, PASSWORD, NEW_PASSWORD);

            assertThat(signIn(NEW_PASSWORD).account()).isEqualTo(ada);
            assertThat(catchThrowableOfType(AuthenticationException.class, () -> signIn(PASSWORD)).code())
                    .isEqualTo("auth.invalid_credentials");
        }

        @Test
        void every_other_session_ends_and_the_callers_session_lives_on() {
            SignedIn caller = signIn(PASSWORD);
            SignedIn other = signIn(PASSWORD);

            changePassword(caller, PASSWORD, NEW_PASSWORD);

            assertThat(accepted(other)).isFalse();
            assertThat(refreshable(other)).isFalse();
            assertThat(accepted(caller)).isTrue();
            assertThat(refreshable(caller)).isTrue();
            assertThat(accounts.sessions().active(ada)).singleElement()
                    .satisfies(s -> assertThat(s.id()).isEqualTo(caller.session()));
        }

        @Test
        void a_wrong_current_password_is_forbidden_and_changes_nothing() {
            SignedIn caller = signIn(PASSWORD);
            SignedIn other = signIn(PASSWORD);
            var before = store.accounts().byId(ada).orElseThrow().passwordHash();

            var e = catchThrowableOfType(ForbiddenException.class,
                    () -> changePassword(caller, "not the password at all", NEW_PASSWORD));

            assertThat(e.code()).isEqualTo("account.password.wrong");
            assertThat(store.accounts().byId(ada).orElseThrow().passwordHash()).isEqualTo(before);
            assertThat(accepted(other)).isTrue();
        }

        @Test
        void wrong_current_passwords_count_toward_the_sign_in_lock() {
            SignedIn caller = signIn(PASSWORD);
            for (int i = 0; i < LoginThrottle.THRESHOLD; i++) {
                catchThrowableOfType(ForbiddenException.class,
                        () -> changePassword(caller, "not the password at all", NEW_PASSWORD));
            }

            assertThat(catchThrowableOfType(ForbiddenException.class,
                    () -> changePassword(caller, PASSWORD, NEW_PASSWORD)).code())
                    .as("locked: even the right password is refused").isEqualTo("account.password.wrong");
            assertThat(catchThrowableOfType(AuthenticationException.class, () -> signIn(PASSWORD)).code())
                    .isEqualTo("auth.invalid_credentials");

            clock.advance(LoginThrottle.LOCK.plusSeconds(1));
            changePassword(caller, PASSWORD, NEW_PASSWORD);
            assertThat(signIn(NEW_PASSWORD).account()).isEqualTo(ada);
        }

        @Test
        void a_new_password_the_policy_refuses_is_a_violation_of_new_password_and_nothing_is_counted() {
            SignedIn caller = signIn(PASSWORD);
            for (int i = 0; i < LoginThrottle.THRESHOLD + 2; i++) {
                var e = catchThrowableOfType(RuleViolationException.class,
                        () -> changePassword(caller, PASSWORD, "short"));
                assertThat(e.violations()).extracting(Violation::field, Violation::code)
                        .containsExactly(tuple("newPassword",
                                "account.password.too_short"));
            }
            assertThat(catchThrowableOfType(RuleViolationException.class,
                    () -> changePassword(caller, PASSWORD, "password1234")).code())
                    .isEqualTo("account.password.too_common");
            assertThat(catchThrowableOfType(RuleViolationException.class,
                    () -> changePassword(caller, PASSWORD, PASSWORD)).code())
                    .isEqualTo("account.password.unchanged");
            assertThat(catchThrowableOfType(RuleViolationException.class,
                    () -> changePassword(caller, "caf\u00e9 au lait, please", "cafe\u0301 au lait, please")).code())
                    .as("the same password, spelt composed and decomposed").isEqualTo("account.password.unchanged");

            changePassword(caller, PASSWORD, NEW_PASSWORD);
        }

        @Test
        void a_current_password_that_no_password_can_be_is_a_violation_before_any_check() {
            SignedIn caller = signIn(PASSWORD);

            for (String impossible : new String[] {"", "nul\u0000in the middle", "lone \uD800 surrogate",
                    "x".repeat(1_000_000)}) {
                var e = catchThrowableOfType(RuleViolationException.class,
                        () -> changePassword(caller, impossible, NEW_PASSWORD));
                assertThat(e.violations()).extracting(Violation::field).containsOnly("currentPassword");
            }
            assertThat(signIn(PASSWORD).account()).isEqualTo(ada);
        }
    }

    @Nested
    class DeletingTheAccount {
        @Test
        void deleting_removes_the_account_its_calendars_and_its_sessions_and_frees_the_address() {
            SignedIn caller = signIn(PASSWORD);
            SignedIn other = signIn(PASSWORD);
            var calendars = CalendarUseCases.wire(store.calendars(), ids, clock);
            var calendar = calendars.create().create(new CreateCalendarUseCase.Command(ada, "Work", Optional.empty(), "UTC"));

            accounts.deleteAccount().delete(new DeleteAccountUseCase.Command(ada, PASSWORD), RequestContext.UNKNOWN);

            assertThat(store.accounts().byId(ada)).isEmpty();
            assertThat(store.calendars().byId(calendar.id())).isEmpty();
            assertThat(accepted(caller)).isFalse();
            assertThat(accepted(other)).isFalse();
            assertThat(refreshable(caller)).isFalse();
            assertThat(store.sessions().active(ada, clock.instant())).isEmpty();
            var again = accounts.register().register(
                    new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada again"), RequestContext.UNKNOWN);
            assertThat(again.id()).isNotEqualTo(ada);
            assertThat(store.accounts().byEmail(EmailAddress.of("ada@example.org"))).contains(again);
        }

        @Test
        void a_wrong_password_is_forbidden_and_deletes_nothing() {
            SignedIn caller = signIn(PASSWORD);

            var e = catchThrowableOfType(ForbiddenException.class, () -> accounts.deleteAccount()
                    .delete(new DeleteAccountUseCase.Command(ada, "not the password at all"), RequestContext.UNKNOWN));

            assertThat(e.code()).isEqualTo("account.password.wrong");
            assertThat(store.accounts().byId(ada)).isPresent();
            assertThat(accepted(caller)).isTrue();
        }

        @Test
        void a_caller_whose_account_was_deleted_meanwhile_is_unauthenticated() {
            SignedIn caller = signIn(PASSWORD);
            accounts.deleteAccount().delete(new DeleteAccountUseCase.Command(ada, PASSWORD), RequestContext.UNKNOWN);

            assertThat(catchThrowableOfType(AuthenticationException.class, () -> accounts.deleteAccount()
                    .delete(new DeleteAccountUseCase.Command(ada, PASSWORD), RequestContext.UNKNOWN)).code()).isEqualTo("auth.token_invalid");
            assertThat(catchThrowableOfType(AuthenticationException.class,
                    () -> changePassword(caller, PASSWORD, NEW_PASSWORD)).code()).isEqualTo("auth.token_invalid");
        }

        @Test
        void a_password_that_no_password_can_be_is_a_violation_and_deletes_nothing() {
            var e = catchThrowableOfType(RuleViolationException.class, () -> accounts.deleteAccount()
                    .delete(new DeleteAccountUseCase.Command(ada, "nul\u0000"), RequestContext.UNKNOWN));

            assertThat(e.violations()).extracting(Violation::field).containsOnly("password");
            assertThat(store.accounts().byId(ada)).isPresent();
        }
    }
}
