package dev.almanac.application.account;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static dev.almanac.domain.testing.DomainAssertions.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.application.fakes.FakeAccessTokens;
import dev.almanac.application.fakes.FakePasswordBlocklist;
import dev.almanac.application.fakes.FakePasswordHasher;
import dev.almanac.application.fakes.FakeSecrets;
import dev.almanac.application.fakes.InMemoryAuditTrail;
import dev.almanac.application.fakes.InMemoryLoginThrottles;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.AccountStatus;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.Violation;
import dev.almanac.domain.testing.Ids;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountUseCasesTest {

    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final CountingHasher hasher = new CountingHasher(new FakePasswordHasher());
    private final AccountUseCases accounts = wire(hasher);

    private AccountUseCases wire(PasswordHasher withHasher) {
        return AccountUseCases.wire(new AccountPorts(store.accounts(), store.sessions(), store.apiKeys(),
                new InMemoryLoginThrottles(), withHasher, new FakePasswordBlocklist(),
                new FakeAccessTokens(), new FakeSecrets(), new SequentialIds(), clock, audit), store.lifecycle().ports());
    }

    private Account registerAda() {
        return accounts.register().register(new RegisterAccountUseCase.Command("Ada@Example.org", PASSWORD, "Ada"), RequestContext.UNKNOWN);
    }

    /**
     * Remembers what the use cases ask of the real (fake) hasher: which passwords were hashed and which hashes were
     * checked. The decoy password may be hashed on a thread of its own once the use cases are prepared, so tests
     * ask about their own passwords rather than count every hash.
     */
    static final class CountingHasher implements PasswordHasher {
        private final PasswordHasher delegate;
        final List<String> hashed = new CopyOnWriteArrayList<>();
        final List<PasswordHash> verified = new ArrayList<>();

        CountingHasher(PasswordHasher delegate) {
            this.delegate = delegate;
        }

        @Override
        public PasswordHash hash(String password) {
            hashed.add(password);
            return delegate.hash(password);
        }

        long hashesOf(String password) {
            return hashed.stream().filter(password::equals).count();
        }

        long decoysMade() {
            return hashed.stream().filter(p -> p.startsWith("decoy password")).count();
        }

        @Override
        public boolean verify(String password, PasswordHash hash) {
            verified.add(hash);
            return delegate.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }
    }

    @Nested
    class Registering {

        @Test
        void a_new_account_is_pending_stamped_now_and_stored() {
            var account = registerAda();
            assertThat(account.status()).isEqualTo(AccountStatus.PENDING_VERIFICATION);
            assertThat(account.createdAt()).isEqualTo(Instant.parse("2026-03-01T08:00:00Z"));
            assertThat(account.email().value()).isEqualTo("Ada@Example.org");
            assertThat(accounts.getAccount().get(account.id())).isEqualTo(account);
        }

        @Test
        void the_stored_hash_is_never_the_password() {
            var account = registerAda();
            assertThat(account.passwordHash().encoded()).isNotEqualTo(PASSWORD);
            assertThat(store.accounts().byId(account.id()).orElseThrow().passwordHash().encoded())
                    .isNotEqualTo(PASSWORD);
        }

        @Test
        void every_broken_rule_is_reported_at_once() {
            var e = violationOf(() -> accounts.register().register(
                    new RegisterAccountUseCase.Command("not-an-address", "short", "  "), RequestContext.UNKNOWN));
            assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                    org.assertj.core.groups.Tuple.tuple("email", "account.email.invalid"),
                    org.assertj.core.groups.Tuple.tuple("password", "account.password.too_short"),
                    org.assertj.core.groups.Tuple.tuple("displayName", "account.display_name.blank"));
            assertThat(store.accounts().byEmail(EmailAddress.of("x@example.org"))).isEmpty();
        }

        @Test
        void a_single_broken_rule_is_reported_with_its_own_code() {
            assertViolation(() -> accounts.register().register(
                    new RegisterAccountUseCase.Command("ada@example.org", "p".repeat(129), "Ada"), RequestContext.UNKNOWN),
                    "password", "account.password.too_long");
        }

        @Test
        void nothing_is_hashed_or_stored_when_the_input_is_bad() {
            violationOf(() -> accounts.register().register(
                    new RegisterAccountUseCase.Command("ada@example.org", "short", "Ada"), RequestContext.UNKNOWN));
            assertThat(hasher.hashed).doesNotContain("short");
            assertThat(store.accounts().byEmail(EmailAddress.of("ada@example.org"))).isEmpty();
        }

        @Test
        void the_same_address_in_another_case_is_taken() {
            registerAda();
            var e = catchThrowableOfType(ConflictException.class, () -> accounts.register().register(
                    new RegisterAccountUseCase.Command("  ADA@example.ORG ", "another long password", "Imposter"), RequestContext.UNKNOWN));
            assertThat(e.code()).isEqualTo("account.email.taken");
        }

        @Test
        void the_command_never_shows_the_password() {
            assertThat(new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada").toString())
                    .doesNotContain(PASSWORD);
            assertThat(new AuthenticateUseCase.Command("ada@example.org", PASSWORD).toString())
                    .doesNotContain(PASSWORD);
        }
    }

    @Nested
    class Authenticating {

        @Test
        void the_right_password_gives_the_account_whatever_the_case_of_the_address() {
            var ada = registerAda();
            assertThat(accounts.authenticate().authenticate(new AuthenticateUseCase.Command("ada@EXAMPLE.org", PASSWORD)))
                    .isEqualTo(ada.id());
        }

        @Test
        void a_wrong_password_and_an_unknown_address_get_the_same_answer() {
            registerAda();
            var wrongPassword = catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("ada@example.org", "not the password at all")));
            var unknownAddress = catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("nobody@example.org", PASSWORD)));
            var malformedAddress = catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("not an address", PASSWORD)));
            assertThat(wrongPassword.code()).isEqualTo("auth.invalid_credentials");
            assertThat(unknownAddress.code()).isEqualTo(wrongPassword.code());
            assertThat(unknownAddress.getMessage()).isEqualTo(wrongPassword.getMessage());
            assertThat(malformedAddress.code()).isEqualTo(wrongPassword.code());
            assertThat(malformedAddress.getMessage()).isEqualTo(wrongPassword.getMessage());
        }

        @Test
        void an_unknown_address_still_costs_one_hash_check_against_a_decoy() {
            var ada = registerAda();
            hasher.verified.clear();
            catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("nobody@example.org", PASSWORD)));
            assertThat(hasher.verified).hasSize(1);
            assertThat(hasher.verified.get(0)).isNotEqualTo(ada.passwordHash());
        }

        @Test
        void the_decoy_is_made_by_the_first_check_that_needs_it_when_nobody_prepared_it() {
            assertThat(hasher.decoysMade()).as("wiring makes no hash").isZero();

            catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("nobody@example.org", PASSWORD)));
            catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("nobody.else@example.org", PASSWORD)));

            assertThat(hasher.decoysMade()).isEqualTo(1);
            assertThat(hasher.verified).hasSize(2).allMatch(h -> h.encoded().contains("decoy password"));
        }

        @Test
        void preparing_makes_the_decoy_in_the_background_once_and_checks_use_it() throws InterruptedException {
            accounts.prepare().run();
            accounts.prepare().run();
            long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
            while (hasher.decoysMade() == 0) {
                assertThat(System.nanoTime()).as("the decoy was never made").isLessThan(deadline);
                Thread.sleep(5);
            }

            catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("nobody@example.org", PASSWORD)));

            assertThat(hasher.decoysMade()).isEqualTo(1);
            assertThat(hasher.verified).singleElement().matches(h -> h.encoded().contains("decoy password"));
        }

        @Test
        void a_decoy_that_could_not_be_made_is_made_again_by_the_next_check() {
            var decoyAttempts = new java.util.concurrent.atomic.AtomicInteger();
            var fake = new FakePasswordHasher();
            AccountUseCases failingOnce = wire(new PasswordHasher() {
                @Override
                public PasswordHash hash(String password) {
                    if (password.startsWith("decoy password") && decoyAttempts.incrementAndGet() == 1) {
                        throw new IllegalStateException("no memory for a hash");
                    }
                    return fake.hash(password);
                }

                @Override
                public boolean verify(String password, PasswordHash hash) {
                    return fake.verify(password, hash);
                }

                @Override
                public boolean needsRehash(PasswordHash hash) {
                    return fake.needsRehash(hash);
                }
            });
            var unknown = new AuthenticateUseCase.Command("nobody@example.org", PASSWORD);

            assertThatThrownBy(() -> failingOnce.authenticate().authenticate(unknown))
                    .hasRootCauseMessage("no memory for a hash");
            assertThat(catchThrowableOfType(AuthenticationException.class,
                    () -> failingOnce.authenticate().authenticate(unknown)).code()).isEqualTo("auth.invalid_credentials");
            assertThat(decoyAttempts).hasValue(2);
        }

        @Test
        void a_malformed_address_also_costs_one_hash_check() {
            hasher.verified.clear();
            catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("@@", PASSWORD)));
            assertThat(hasher.verified).hasSize(1);
        }

        @Test
        void a_wrong_password_costs_exactly_one_hash_check_too() {
            var ada = registerAda();
            hasher.verified.clear();
            catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("ada@example.org", "not the password at all")));
            assertThat(hasher.verified).containsExactly(ada.passwordHash());
        }

        @Test
        void a_hash_made_with_weaker_parameters_is_replaced_at_sign_in() {
            var ada = registerAda();
            var stronger = new CountingHasher(new FakePasswordHasher(2));
            var upgraded = wire(stronger);
            assertThat(upgraded.authenticate().authenticate(new AuthenticateUseCase.Command("ada@example.org", PASSWORD)))
                    .isEqualTo(ada.id());
            var stored = store.accounts().byId(ada.id()).orElseThrow().passwordHash();
            assertThat(stored).isNotEqualTo(ada.passwordHash());
            assertThat(new FakePasswordHasher(2).needsRehash(stored)).isFalse();
            assertThat(new FakePasswordHasher(2).verify(PASSWORD, stored)).isTrue();
        }

        @Test
        void an_up_to_date_hash_is_left_alone() {
            var ada = registerAda();
            long before = hasher.hashesOf(PASSWORD);
            accounts.authenticate().authenticate(new AuthenticateUseCase.Command("ada@example.org", PASSWORD));
            assertThat(hasher.hashesOf(PASSWORD)).isEqualTo(before);
            assertThat(store.accounts().byId(ada.id()).orElseThrow().passwordHash()).isEqualTo(ada.passwordHash());
        }

        @Test
        void a_wrong_password_never_triggers_a_rehash() {
            var ada = registerAda();
            var upgraded = wire(new FakePasswordHasher(2));
            catchThrowableOfType(AuthenticationException.class, () -> upgraded.authenticate()
                    .authenticate(new AuthenticateUseCase.Command("ada@example.org", "not the password at all")));
            assertThat(store.accounts().byId(ada.id()).orElseThrow().passwordHash()).isEqualTo(ada.passwordHash());
        }
    }

    @Nested
    class IdentifyingTheCaller {

        @Test
        void signing_in_hands_out_a_token_that_identifies_the_account() {
            var ada = registerAda();
            var signedIn = accounts.signIn().signIn(
                    new AuthenticateUseCase.Command("ada@example.org", PASSWORD), RequestContext.UNKNOWN);
            assertThat(signedIn.account()).isEqualTo(ada.id());
            assertThat(signedIn.accessToken().lifetime()).isEqualTo(FakeAccessTokens.LIFETIME);
            assertThat(accounts.identifyCaller().identify(signedIn.accessToken().token()))
                    .isEqualTo(new AccessTokens.Subject(ada.id(), signedIn.session()));
        }

        @Test
        void signing_in_with_a_wrong_password_hands_out_nothing() {
            registerAda();
            var e = catchThrowableOfType(AuthenticationException.class, () -> accounts.signIn()
                    .signIn(new AuthenticateUseCase.Command("ada@example.org", "not the password at all"),
                            RequestContext.UNKNOWN));
            assertThat(e.code()).isEqualTo("auth.invalid_credentials");
        }

        @Test
        void an_expired_token_is_refused() {
            registerAda();
            var token = accounts.signIn()
                    .signIn(new AuthenticateUseCase.Command("ada@example.org", PASSWORD), RequestContext.UNKNOWN)
                    .accessToken().token();
            clock.advance(FakeAccessTokens.LIFETIME.plus(Duration.ofSeconds(1)));
            assertThat(catchThrowableOfType(AuthenticationException.class,
                    () -> accounts.identifyCaller().identify(token)).code()).isEqualTo("auth.token_invalid");
        }

        @Test
        void a_garbage_token_is_refused() {
            for (String garbage : List.of("", "garbage", "fake.not-a-uuid.99999999999", "a.b.c.d", "Bearer x")) {
                assertThat(catchThrowableOfType(AuthenticationException.class,
                        () -> accounts.identifyCaller().identify(garbage)).code()).isEqualTo("auth.token_invalid");
            }
        }

        @Test
        void a_valid_token_of_an_account_that_no_longer_exists_is_refused() {
            var gone = new FakeAccessTokens().issue(new AccessTokens.Subject(Ids.account(999),
                    new SessionId(UUID.randomUUID())), clock.instant()).token();
            assertThat(catchThrowableOfType(AuthenticationException.class,
                    () -> accounts.identifyCaller().identify(gone)).code()).isEqualTo("auth.token_invalid");
        }

        @Test
        void reading_an_account_that_does_not_exist_is_not_found() {
            AccountId nobody = Ids.account(404);
            assertThat(catchThrowableOfType(NotFoundException.class, () -> accounts.getAccount().get(nobody)).code())
                    .isEqualTo("account.not_found");
        }
    }
}
