package dev.almanac.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.NotFoundException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionUseCasesTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final RequestContext LAPTOP = new RequestContext(new Client("192.0.2.1", "Firefox/140"),
            new RequestId("laptop-request"));
    private static final RequestContext PHONE = new RequestContext(new Client("198.51.100.7", "Safari/18"),
            new RequestId("phone-request"));

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final AccountUseCases accounts = AccountUseCases.wire(new AccountPorts(store.accounts(),
            store.sessions(), store.apiKeys(), new InMemoryLoginThrottles(), new FakePasswordHasher(), new FakePasswordBlocklist(),
            new FakeAccessTokens(),
            new FakeSecrets(),
            new SequentialIds(), clock, audit), store.lifecycle().ports());
    private AccountId ada;

    @BeforeEach
    void registerAda() {
        ada = accounts.register().register(new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada"), RequestContext.UNKNOWN)
                .id();
    }

    private SignedIn signIn(RequestContext client) {
        return accounts.signIn().signIn(new AuthenticateUseCase.Command("ada@example.org", PASSWORD), client);
    }

    private String refreshFails(String token) {
        return catchThrowableOfType(AuthenticationException.class,
                () -> accounts.refresh().refresh(token, LAPTOP)).code();
    }

    @Nested
    class Refreshing {
        @Test
        void a_refresh_hands_out_a_new_access_token_and_a_new_refresh_token() {
            SignedIn first = signIn(LAPTOP);
            clock.advance(Duration.ofMinutes(20));

            SignedIn second = accounts.refresh().refresh(first.refreshToken(), PHONE);

            assertThat(second.account()).isEqualTo(ada);
            assertThat(second.session()).isEqualTo(first.session());
            assertThat(second.refreshToken()).isNotEqualTo(first.refreshToken());
            assertThat(accounts.identifyCaller().identify(second.accessToken().token()).account()).isEqualTo(ada);
            Session session = store.sessions().byId(first.session()).orElseThrow();
            assertThat(session.lastUsedAt()).isEqualTo(clock.instant());
            assertThat(session.client()).isEqualTo(PHONE.client());
        }

        @Test
        void only_a_hash_of_the_refresh_token_is_stored() {
            SignedIn signedIn = signIn(LAPTOP);

            Session session = store.sessions().byId(signedIn.session()).orElseThrow();
            assertThat(session.toString()).doesNotContain(signedIn.refreshToken());
            assertThat(session.currentToken().hex()).hasSize(64);
        }

        @Test
        void presenting_a_rotated_token_again_revokes_the_whole_family() {
            SignedIn first = signIn(LAPTOP);
            SignedIn second = accounts.refresh().refresh(first.refreshToken(), LAPTOP);

            assertThat(refreshFails(first.refreshToken())).isEqualTo("auth.refresh_token_invalid");

            assertThat(refreshFails(second.refreshToken())).isEqualTo("auth.refresh_token_invalid");
            assertThat(accounts.sessions().active(ada)).isEmpty();
        }

        @Test
        void reuse_in_one_family_leaves_other_sign_ins_alone() {
            SignedIn laptop = signIn(LAPTOP);
            SignedIn phone = signIn(PHONE);
            accounts.refresh().refresh(laptop.refreshToken(), LAPTOP);
            refreshFails(laptop.refreshToken());

            assertThat(accounts.refresh().refresh(phone.refreshToken(), PHONE).session()).isEqualTo(phone.session());
        }

        @Test
        void a_session_ends_thirty_days_after_sign_in_however_often_it_is_refreshed() {
            String token = signIn(LAPTOP).refreshToken();
            for (int day = 0; day < 29; day++) {
                clock.advance(Duration.ofDays(1));
                token = accounts.refresh().refresh(token, LAPTOP).refreshToken();
            }
            clock.advance(Duration.ofDays(1));

            assertThat(refreshFails(token)).isEqualTo("auth.refresh_token_invalid");
        }

        @Test
        void unknown_and_malformed_tokens_are_refused_alike() {
            for (String bad : List.of("", "nope", "x".repeat(513), "\u0000", "\uD800")) {
                assertThat(refreshFails(bad)).isEqualTo("auth.refresh_token_invalid");
            }
        }

        @Test
        void an_access_token_is_not_a_refresh_token() {
            SignedIn signedIn = signIn(LAPTOP);

            assertThat(refreshFails(signedIn.accessToken().token())).isEqualTo("auth.refresh_token_invalid");
        }
    }

    @Nested
    class SigningOut {
        @Test
        void signing_out_revokes_the_family() {
            SignedIn first = signIn(LAPTOP);
            SignedIn second = accounts.refresh().refresh(first.refreshToken(), LAPTOP);

            accounts.signOut().signOut(second.refreshToken(), RequestContext.UNKNOWN);

            assertThat(refreshFails(second.refreshToken())).isEqualTo("auth.refresh_token_invalid");
            assertThat(accounts.sessions().active(ada)).isEmpty();
        }

        @Test
        void signing_out_twice_or_with_an_unknown_token_is_not_an_error() {
            SignedIn signedIn = signIn(LAPTOP);

            accounts.signOut().signOut(signedIn.refreshToken(), RequestContext.UNKNOWN);
            accounts.signOut().signOut(signedIn.refreshToken(), RequestContext.UNKNOWN);
            accounts.signOut().signOut("never issued", RequestContext.UNKNOWN);
            accounts.signOut().signOut("", RequestContext.UNKNOWN);
        }
    }

    @Nested
    class ListingAndRevoking {
        @Test
        void the_active_sessions_are_listed_most_recently_used_first() {
            SignedIn laptop = signIn(LAPTOP);
            clock.advance(Duration.ofMinutes(1));
            SignedIn phone = signIn(PHONE);

            assertThat(accounts.sessions().active(ada)).extracting(Session::id)
                    .containsExactly(phone.session(), laptop.session());
        }

        @Test
        void a_revoked_session_cannot_be_refreshed() {
            SignedIn laptop = signIn(LAPTOP);

            accounts.sessions().revoke(ada, laptop.session(), RequestContext.UNKNOWN);

            assertThat(refreshFails(laptop.refreshToken())).isEqualTo("auth.refresh_token_invalid");
        }

        @Test
        void another_accounts_session_is_not_found() {
            SignedIn laptop = signIn(LAPTOP);
            AccountId eve = accounts.register().register(new RegisterAccountUseCase.Command("eve@example.org",
                    PASSWORD, "Eve"), RequestContext.UNKNOWN).id();

            var e = catchThrowableOfType(NotFoundException.class,
                    () -> accounts.sessions().revoke(eve, laptop.session(), RequestContext.UNKNOWN));

            assertThat(e.code()).isEqualTo("session.not_found");
            assertThat(accounts.sessions().active(ada)).hasSize(1);
        }

        @Test
        void an_unknown_or_already_revoked_session_is_not_found() {
            SignedIn laptop = signIn(LAPTOP);
            accounts.sessions().revoke(ada, laptop.session(), RequestContext.UNKNOWN);

            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> accounts.sessions().revoke(ada, laptop.session(), RequestContext.UNKNOWN)).code()).isEqualTo("session.not_found");
            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> accounts.sessions().revoke(ada, new SessionId(UUID.randomUUID()), RequestContext.UNKNOWN)).code())
                    .isEqualTo("session.not_found");
        }
    }
}
