package dev.almanac.application.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;

import dev.almanac.application.account.AccountPorts;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.application.account.AuthenticateUseCase;
import dev.almanac.application.account.RegisterAccountUseCase;
import dev.almanac.application.account.SignInUseCase.SignedIn;
import dev.almanac.application.fakes.FakeAccessTokens;
import dev.almanac.application.fakes.FakePasswordBlocklist;
import dev.almanac.application.fakes.FakePasswordHasher;
import dev.almanac.application.fakes.FakeSecrets;
import dev.almanac.application.fakes.InMemoryAuditTrail;
import dev.almanac.application.fakes.InMemoryLoginThrottles;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.shared.Page;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.LoginThrottle;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.RuleViolationException;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditUseCasesTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final RequestContext LAPTOP = new RequestContext(new Client("192.0.2.1", "Firefox/140"),
            new RequestId("laptop-1"));

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private final AccountUseCases accounts = AccountUseCases.wire(new AccountPorts(store.accounts(),
            store.sessions(), store.apiKeys(), new InMemoryLoginThrottles(), new FakePasswordHasher(), new FakePasswordBlocklist(),
            new FakeAccessTokens(), new FakeSecrets(), ids, clock, trail), store.lifecycle().ports());
    private final AuditUseCases audit = AuditUseCases.wire(trail, ids, clock);
    private AccountId ada;

    @BeforeEach
    void adaSignsUp() {
        ada = accounts.register().register(new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada"),
                LAPTOP).id();
        clock.advance(java.time.Duration.ofSeconds(1));
    }

    private SignedIn signIn() {
        return accounts.signIn().signIn(new AuthenticateUseCase.Command("ada@example.org", PASSWORD), LAPTOP);
    }

    private void failToSignIn(String email) {
        catchThrowableOfType(AuthenticationException.class, () -> accounts.signIn().signIn(
                new AuthenticateUseCase.Command(email, "not the password at all"), LAPTOP));
    }

    private AuditEntry last() {
        var all = trail.all();
        return all.get(all.size() - 1);
    }

    @Nested
    class WhatIsRecorded {
        @Test
        void a_sign_up_is_recorded_with_who_where_and_which_request() {
            AuditEntry signedUp = trail.all().get(0);

            assertThat(signedUp.event()).isEqualTo(AuditEvent.SIGN_UP);
            assertThat(signedUp.outcome()).isEqualTo(AuditOutcome.SUCCESS);
            assertThat(signedUp.actor()).contains(ada);
            assertThat(signedUp.client()).isEqualTo(LAPTOP.client());
            assertThat(signedUp.requestId()).isEqualTo(LAPTOP.requestId());
            assertThat(signedUp.at()).isEqualTo(java.time.Instant.parse("2026-03-01T08:00:00Z"));
        }

        @Test
        void a_sign_in_is_recorded_with_its_session() {
            SignedIn signedIn = signIn();

            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor,
                            AuditEntry::subject)
                    .containsExactly(AuditEvent.SIGN_IN, AuditOutcome.SUCCESS, Optional.of(ada),
                            Optional.of(signedIn.session().toString()));
        }

        @Test
        void a_failed_sign_in_is_recorded_although_the_request_fails() {
            failToSignIn("ada@example.org");

            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor)
                    .containsExactly(AuditEvent.SIGN_IN, AuditOutcome.FAILURE, Optional.of(ada));
        }

        @Test
        void a_failed_sign_in_with_an_unknown_address_names_nobody_and_keeps_no_address() {
            failToSignIn("mallory@example.org");

            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor,
                            AuditEntry::subject)
                    .containsExactly(AuditEvent.SIGN_IN, AuditOutcome.FAILURE, Optional.empty(), Optional.empty());
            assertThat(last().toString()).doesNotContain("mallory");
        }

        @Test
        void the_failure_that_engages_the_lock_is_recorded_once_as_a_lock() {
            for (int i = 0; i < LoginThrottle.THRESHOLD + 3; i++) {
                failToSignIn("ada@example.org");
            }

            assertThat(trail.all()).filteredOn(e -> e.event() == AuditEvent.LOCK_ENGAGED).hasSize(1)
                    .first().extracting(AuditEntry::actor).isEqualTo(Optional.of(ada));
            assertThat(trail.all()).filteredOn(e -> e.event() == AuditEvent.SIGN_IN)
                    .hasSize(LoginThrottle.THRESHOLD + 3);
        }

        @Test
        void a_refresh_a_reuse_a_sign_out_and_a_revocation_are_recorded() {
            SignedIn first = signIn();
            SignedIn second = accounts.refresh().refresh(first.refreshToken(), LAPTOP);
            catchThrowableOfType(AuthenticationException.class,
                    () -> accounts.refresh().refresh(first.refreshToken(), LAPTOP));
            SignedIn other = signIn();
            accounts.signOut().signOut(other.refreshToken(), LAPTOP);
            SignedIn third = signIn();
            accounts.sessions().revoke(ada, third.session(), LAPTOP);

            assertThat(trail.all()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::subject)
                    .containsSubsequence(
                            tuple(AuditEvent.REFRESH, AuditOutcome.SUCCESS, Optional.of(second.session().toString())),
                            tuple(AuditEvent.REFRESH_REUSE_DETECTED, AuditOutcome.FAILURE,
                                    Optional.of(first.session().toString())),
                            tuple(AuditEvent.LOGOUT, AuditOutcome.SUCCESS, Optional.of(other.session().toString())),
                            tuple(AuditEvent.SESSION_REVOKED, AuditOutcome.SUCCESS,
                                    Optional.of(third.session().toString())));
        }

        @Test
        void a_refused_refresh_is_recorded_as_a_failure() {
            catchThrowableOfType(AuthenticationException.class,
                    () -> accounts.refresh().refresh("never issued", LAPTOP));

            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor)
                    .containsExactly(AuditEvent.REFRESH, AuditOutcome.FAILURE, Optional.empty());
        }

        @Test
        void a_denial_is_recorded_with_the_route_it_refused() {
            audit.accessDenied().denied(Optional.empty(), "GET /v1/me", LAPTOP);

            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::subject)
                    .containsExactly(AuditEvent.ACCESS_DENIED, AuditOutcome.FAILURE, Optional.of("GET /v1/me"));
        }
    }

    @Nested
    class TheLifecycleAndKeys {
        private final java.util.regex.Pattern token = java.util.regex.Pattern.compile("#token=([A-Za-z0-9_-]{43})");

        private String lastTokenTo(String address) {
            var mails = store.outbox().pending().stream().filter(m -> m.to().value().equals(address)).toList();
            var matcher = token.matcher(mails.get(mails.size() - 1).body());
            assertThat(matcher.find()).isTrue();
            return matcher.group(1);
        }

        private void verifyAda() {
            accounts.verify().verify(lastTokenTo("ada@example.org"), LAPTOP);
        }

        private java.util.List<AuditEntry> entriesOf(AuditEvent event) {
            return trail.all().stream().filter(e -> e.event() == event).toList();
        }

        @Test
        void verifying_the_address_is_recorded_as_an_activation() {
            verifyAda();

            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor,
                            AuditEntry::subject, AuditEntry::requestId)
                    .containsExactly(AuditEvent.VERIFICATION, AuditOutcome.SUCCESS, Optional.of(ada),
                            Optional.of("activation"), LAPTOP.requestId());
        }

        @Test
        void a_used_token_is_recorded_as_a_failed_verification_of_its_account_and_an_unknown_one_of_nobody() {
            String used = lastTokenTo("ada@example.org");
            accounts.verify().verify(used, LAPTOP);

            catchThrowableOfType(RuleViolationException.class, () -> accounts.verify().verify(used, LAPTOP));
            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor)
                    .containsExactly(AuditEvent.VERIFICATION, AuditOutcome.FAILURE, Optional.of(ada));

            catchThrowableOfType(RuleViolationException.class,
                    () -> accounts.verify().verify("A".repeat(43), LAPTOP));
            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor)
                    .containsExactly(AuditEvent.VERIFICATION, AuditOutcome.FAILURE, Optional.empty());
        }

        @Test
        void a_resend_is_recorded_also_when_its_mail_is_withheld_but_not_for_an_unknown_address() {
            clock.advance(java.time.Duration.ofMinutes(2));
            accounts.resendVerification().resend("ada@example.org", LAPTOP);
            accounts.resendVerification().resend("ada@example.org", LAPTOP);
            accounts.resendVerification().resend("nobody@example.org", LAPTOP);

            assertThat(entriesOf(AuditEvent.VERIFICATION_RESEND))
                    .extracting(AuditEntry::outcome, AuditEntry::actor, AuditEntry::subject)
                    .containsExactly(tuple(AuditOutcome.SUCCESS, Optional.of(ada), Optional.empty()),
                            tuple(AuditOutcome.SUCCESS, Optional.of(ada), Optional.of("mail_withheld")));
        }

        @Test
        void an_address_change_is_recorded_when_asked_for_when_refused_and_when_verified() {
            verifyAda();
            catchThrowableOfType(dev.almanac.domain.shared.ForbiddenException.class, () -> accounts.changeEmail()
                    .request(new dev.almanac.application.account.ChangeEmailUseCase.Command(ada,
                            "ada@new.example.org", "not the password at all"), LAPTOP));
            accounts.changeEmail().request(new dev.almanac.application.account.ChangeEmailUseCase.Command(ada,
                    "ada@new.example.org", PASSWORD), LAPTOP);
            String token = lastTokenTo("ada@new.example.org");
            accounts.changeEmail().request(new dev.almanac.application.account.ChangeEmailUseCase.Command(ada,
                    "ada@other.example.org", PASSWORD), LAPTOP);
            accounts.verify().verify(token, LAPTOP);

            assertThat(entriesOf(AuditEvent.EMAIL_CHANGE))
                    .extracting(AuditEntry::outcome, AuditEntry::actor, AuditEntry::subject)
                    .containsExactly(tuple(AuditOutcome.FAILURE, Optional.of(ada), Optional.empty()),
                            tuple(AuditOutcome.SUCCESS, Optional.of(ada), Optional.empty()),
                            tuple(AuditOutcome.SUCCESS, Optional.of(ada), Optional.of("mail_withheld")));
            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::subject)
                    .containsExactly(AuditEvent.VERIFICATION, AuditOutcome.SUCCESS, Optional.of("email_change"));
            assertThat(trail.all()).allSatisfy(e -> assertThat(e.toString()).doesNotContain("new.example.org")
                    .doesNotContain("other.example.org"));
        }

        @Test
        void a_password_change_is_recorded_and_so_is_a_wrong_current_password() {
            SignedIn signedIn = signIn();
            var change = new dev.almanac.application.account.ChangePasswordUseCase.Command(ada, signedIn.session(),
                    "not the password at all", "another fine passphrase");
            catchThrowableOfType(dev.almanac.domain.shared.ForbiddenException.class,
                    () -> accounts.changePassword().changePassword(change, LAPTOP));
            accounts.changePassword().changePassword(new dev.almanac.application.account.ChangePasswordUseCase
                    .Command(ada, signedIn.session(), PASSWORD, "another fine passphrase"), LAPTOP);

            assertThat(entriesOf(AuditEvent.PASSWORD_CHANGE)).extracting(AuditEntry::outcome, AuditEntry::actor)
                    .containsExactly(tuple(AuditOutcome.FAILURE, Optional.of(ada)),
                            tuple(AuditOutcome.SUCCESS, Optional.of(ada)));
        }

        @Test
        void deleting_the_account_is_recorded_and_its_trail_forgets_where_it_came_from() {
            signIn();
            catchThrowableOfType(dev.almanac.domain.shared.ForbiddenException.class, () -> accounts.deleteAccount()
                    .delete(new dev.almanac.application.account.DeleteAccountUseCase.Command(ada,
                            "not the password at all"), LAPTOP));
            accounts.deleteAccount().delete(new dev.almanac.application.account.DeleteAccountUseCase.Command(ada,
                    PASSWORD), LAPTOP);

            assertThat(entriesOf(AuditEvent.ACCOUNT_DELETED)).extracting(AuditEntry::outcome, AuditEntry::actor)
                    .containsExactly(tuple(AuditOutcome.FAILURE, Optional.of(ada)),
                            tuple(AuditOutcome.SUCCESS, Optional.of(ada)));
            assertThat(last().requestId()).isEqualTo(LAPTOP.requestId());
            assertThat(trail.all()).filteredOn(e -> e.actor().equals(Optional.of(ada))).hasSizeGreaterThan(3)
                    .allSatisfy(e -> assertThat(e.client()).isEqualTo(Client.UNKNOWN));
        }

        @Test
        void disabling_the_account_is_recorded() {
            RequestContext operator = new RequestContext(Client.UNKNOWN, new RequestId("disable-account-1"));

            accounts.disable().disable("ada@example.org", operator);

            assertThat(last()).extracting(AuditEntry::event, AuditEntry::outcome, AuditEntry::actor,
                            AuditEntry::requestId)
                    .containsExactly(AuditEvent.ACCOUNT_DISABLED, AuditOutcome.SUCCESS, Optional.of(ada),
                            operator.requestId());
        }

        @Test
        void making_and_revoking_an_api_key_are_recorded_with_the_key_and_never_its_secret() {
            verifyAda();
            var created = accounts.createApiKey().create(new dev.almanac.application.account.CreateApiKeyUseCase
                    .Command(ada, "Dashboard", java.util.List.of("calendars:read"), Optional.empty()), LAPTOP);
            accounts.apiKeys().revoke(ada, created.key().id(), LAPTOP);

            assertThat(trail.all()).extracting(AuditEntry::event, AuditEntry::actor, AuditEntry::subject)
                    .endsWith(tuple(AuditEvent.API_KEY_CREATED, Optional.of(ada),
                                    Optional.of(created.key().id().toString())),
                            tuple(AuditEvent.API_KEY_REVOKED, Optional.of(ada),
                                    Optional.of(created.key().id().toString())));
            assertThat(trail.all()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(created.secret()));
        }
    }

    @Nested
    class ReadingTheTrail {
        @Test
        void an_account_reads_its_own_trail_newest_first_a_page_at_a_time() {
            signIn();
            clock.advance(java.time.Duration.ofSeconds(1));
            signIn();
            accounts.register().register(new RegisterAccountUseCase.Command("eve@example.org", PASSWORD, "Eve"),
                    LAPTOP);

            Page<AuditEntry> first = audit.trail().trail(new AuditTrailUseCase.Query(ada, OptionalInt.of(2),
                    Optional.empty()));
            Page<AuditEntry> second = audit.trail().trail(new AuditTrailUseCase.Query(ada, OptionalInt.of(2),
                    first.nextCursor()));

            assertThat(first.items()).extracting(AuditEntry::event)
                    .containsExactly(AuditEvent.SIGN_IN, AuditEvent.SIGN_IN);
            assertThat(second.items()).extracting(AuditEntry::event).containsExactly(AuditEvent.SIGN_UP);
            assertThat(second.nextCursor()).isEmpty();
        }

        @Test
        void a_cursor_of_another_accounts_trail_is_refused() {
            AccountId eve = accounts.register().register(new RegisterAccountUseCase.Command("eve@example.org",
                    PASSWORD, "Eve"), LAPTOP).id();
            signIn();
            String adasCursor = audit.trail().trail(new AuditTrailUseCase.Query(ada, OptionalInt.of(1),
                    Optional.empty())).nextCursor().orElseThrow();

            var e = catchThrowableOfType(RuleViolationException.class, () -> audit.trail().trail(
                    new AuditTrailUseCase.Query(eve, OptionalInt.empty(), Optional.of(adasCursor))));

            assertThat(e.code()).isEqualTo("page.cursor.invalid");
        }

        @Test
        void a_limit_out_of_range_is_refused() {
            var e = catchThrowableOfType(RuleViolationException.class, () -> audit.trail().trail(
                    new AuditTrailUseCase.Query(ada, OptionalInt.of(0), Optional.empty())));

            assertThat(e.code()).isEqualTo("page.limit.out_of_range");
        }
    }
}
