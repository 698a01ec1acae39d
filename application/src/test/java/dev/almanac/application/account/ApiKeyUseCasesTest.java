package dev.almanac.application.account;

import dev.almanac.application.account.CreateApiKeyUseCase.CreatedApiKey;
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
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.apikey.ApiKeyStatus;
import dev.almanac.domain.apikey.Scope;
import dev.almanac.domain.apikey.ScopeMissingException;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ApiKeyUseCasesTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final AccountUseCases accounts = AccountUseCases.wire(new AccountPorts(store.accounts(),
            store.sessions(), store.apiKeys(), new InMemoryLoginThrottles(), new FakePasswordHasher(),
            new FakePasswordBlocklist(), new FakeAccessTokens(), new FakeSecrets(), new SequentialIds(), clock, new InMemoryAuditTrail()),
            store.lifecycle().ports());
    private AccountId ada;
    private AccountId eve;

    @BeforeEach
    void register() {
        ada = accounts.register().register(new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada"), RequestContext.UNKNOWN)
                .id();
        eve = accounts.register().register(new RegisterAccountUseCase.Command("eve@example.org", PASSWORD, "Eve"), RequestContext.UNKNOWN)
                .id();
        store.verify(ada);
        store.verify(eve);
    }

    private CreatedApiKey create(AccountId owner, String name, Optional<Instant> expiresAt, String... scopes) {
        return accounts.createApiKey().create(new CreateApiKeyUseCase.Command(owner, name, Arrays.asList(scopes),
                expiresAt), RequestContext.UNKNOWN);
    }

    private RuleViolationException refused(String name, Optional<Instant> expiresAt, String... scopes) {
        return catchThrowableOfType(RuleViolationException.class, () -> create(ada, name, expiresAt, scopes));
    }

    private String authenticationFails(String presented) {
        return catchThrowableOfType(AuthenticationException.class,
                () -> accounts.authenticateApiKey().authenticate(presented)).code();
    }

    @Nested
    class Creating {
        @Test
        void a_new_key_is_shown_once_with_its_prefix_and_stored_only_as_a_hash() {
            CreatedApiKey created = create(ada, "  CI deploys ", Optional.empty(), "events:read", "calendars:read");

            ApiKey key = created.key();
            assertThat(key.name().value()).isEqualTo("CI deploys");
            assertThat(key.prefix()).matches("alm_[0-9a-f]{8}");
            assertThat(created.secret()).startsWith(key.prefix() + "_").hasSize(56);
            assertThat(key.scopes().wireNames()).containsExactly("calendars:read", "events:read");
            assertThat(key.expiresAt()).isEmpty();
            assertThat(store.apiKeys().byId(key.id()).orElseThrow().secretHash().hex())
                    .doesNotContain(created.secret()).hasSize(64);
            assertThat(created.toString()).doesNotContain(created.secret());
        }

        @Test
        void an_account_whose_address_is_not_verified_yet_cannot_make_keys() {
            AccountId pending = accounts.register().register(
                    new RegisterAccountUseCase.Command("pat@example.org", PASSWORD, "Pat"), RequestContext.UNKNOWN).id();

            ForbiddenException e = catchThrowableOfType(ForbiddenException.class,
                    () -> create(pending, "CI", Optional.empty(), "events:read"));

            assertThat(e.code()).isEqualTo("account.unverified");
            assertThat(store.apiKeys().unrevoked(pending)).isEmpty();
        }

        @Test
        void a_disabled_account_cannot_make_keys_and_its_keys_stop_working() {
            CreatedApiKey created = create(ada, "CI", Optional.empty(), "events:read");

            accounts.disable().disable("ada@example.org", RequestContext.UNKNOWN);

            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> create(ada, "CI 2", Optional.empty(), "events:read")).code()).isEqualTo("account.not_found");
            assertThat(catchThrowableOfType(AuthenticationException.class,
                    () -> accounts.authenticateApiKey().authenticate(created.secret()))).isNotNull();
        }

        @Test
        void every_bad_field_is_named_at_once_and_nothing_is_stored() {
            RuleViolationException e = refused(" ", Optional.of(clock.instant().minusSeconds(1)), "events:read",
                    "events:delete", "Calendars:Read");

            assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("name", "api_key.name.blank"),
                    org.assertj.core.groups.Tuple.tuple("scopes", "api_key.scopes.unknown"),
                    org.assertj.core.groups.Tuple.tuple("scopes", "api_key.scopes.unknown"),
                    org.assertj.core.groups.Tuple.tuple("expiresAt", "api_key.expires_at.not_in_future"));
            assertThat(e.violations().get(1).message()).contains("'events:delete'");
            assertThat(store.apiKeys().unrevoked(ada)).isEmpty();
        }

        @Test
        void names_scopes_and_expiry_each_have_their_rule() {
            assertThat(refused("x".repeat(101), Optional.empty(), "events:read").code())
                    .isEqualTo("api_key.name.too_long");
            assertThat(refused("a\u0000b", Optional.empty(), "events:read").code())
                    .isEqualTo("api_key.name.control_characters");
            assertThat(refused("\uD800", Optional.empty(), "events:read").code())
                    .isEqualTo("api_key.name.invalid_characters");
            assertThat(refused("ok", Optional.empty()).code()).isEqualTo("api_key.scopes.empty");
            assertThat(refused("ok", Optional.empty(), (String) null).code()).isEqualTo("api_key.scopes.unknown");
            assertThat(refused("ok", Optional.of(clock.instant()), "events:read").code())
                    .isEqualTo("api_key.expires_at.not_in_future");
            assertThat(refused("ok", Optional.of(clock.instant().plus(Duration.ofDays(366))), "events:read").code())
                    .isEqualTo("api_key.expires_at.too_far");
            create(ada, "x".repeat(100), Optional.of(clock.instant().plus(ApiKey.MAX_LIFETIME)), "events:read",
                    "events:read");
        }

        @Test
        void an_account_holds_at_most_a_hundred_unrevoked_keys() {
            for (int i = 0; i < ApiKey.MAX_PER_ACCOUNT; i++) {
                create(ada, "key " + i, Optional.empty(), "events:read");
            }

            ConflictException full = catchThrowableOfType(ConflictException.class,
                    () -> create(ada, "one more", Optional.empty(), "events:read"));

            assertThat(full.code()).isEqualTo("api_key.limit_reached");
            create(eve, "eve's first", Optional.empty(), "events:read");
            ApiKeyId first = accounts.apiKeys().unrevoked(ada).get(0).key().id();
            accounts.apiKeys().revoke(ada, first, RequestContext.UNKNOWN);
            create(ada, "one more", Optional.empty(), "events:read");
        }
    }

    @Nested
    class Authenticating {
        @Test
        void an_active_key_authenticates_as_its_account_within_its_scopes() {
            CreatedApiKey created = create(ada, "CI", Optional.empty(), "events:read");

            ApiKey key = accounts.authenticateApiKey().authenticate(created.secret());

            assertThat(key.account()).isEqualTo(ada);
            key.require(Scope.EVENTS_READ);
            assertThat(catchThrowableOfType(ScopeMissingException.class, () -> key.require(Scope.EVENTS_WRITE))
                    .code()).isEqualTo("auth.scope_missing");
        }

        @Test
        void use_is_recorded_at_most_once_a_minute() {
            CreatedApiKey created = create(ada, "CI", Optional.empty(), "events:read");
            Instant first = clock.instant();

            accounts.authenticateApiKey().authenticate(created.secret());
            clock.advance(Duration.ofSeconds(59));
            accounts.authenticateApiKey().authenticate(created.secret());
            assertThat(lastUsed(created)).contains(first);

            clock.advance(Duration.ofSeconds(1));
            accounts.authenticateApiKey().authenticate(created.secret());
            assertThat(lastUsed(created)).contains(first.plusSeconds(60));
        }

        private Optional<Instant> lastUsed(CreatedApiKey created) {
            return store.apiKeys().byId(created.key().id()).orElseThrow().lastUsedAt();
        }

        @Test
        void a_revoked_or_expired_key_no_longer_authenticates() {
            CreatedApiKey revoked = create(ada, "old", Optional.empty(), "events:read");
            CreatedApiKey expiring = create(ada, "short", Optional.of(clock.instant().plusSeconds(60)), "events:read");
            accounts.apiKeys().revoke(ada, revoked.key().id(), RequestContext.UNKNOWN);

            assertThat(authenticationFails(revoked.secret())).isEqualTo("auth.api_key_invalid");
            accounts.authenticateApiKey().authenticate(expiring.secret());
            clock.advance(Duration.ofSeconds(60));
            assertThat(authenticationFails(expiring.secret())).isEqualTo("auth.api_key_invalid");
        }

        @Test
        void malformed_keys_of_every_shape_are_refused_alike() {
            String good = create(ada, "CI", Optional.empty(), "events:read").secret();
            String wrongSecret = good.substring(0, good.length() - 1) + (good.endsWith("A") ? "B" : "A");

            for (String bad : List.of("", "alm_", good + "x", good.substring(1), "xlm" + good.substring(3),
                    good.replace("alm_", "ALM_"), good.substring(0, 55) + "é", good.substring(0, 55) + "\u0000",
                    "x".repeat(100_000), wrongSecret, "eyJhbGciOiJub25lIn0.e30.")) {
                assertThat(authenticationFails(bad)).as(bad.length() > 80 ? "long" : bad)
                        .isEqualTo("auth.api_key_invalid");
            }
        }

        @Test
        void a_key_whose_account_may_not_act_does_not_authenticate() {
            CreatedApiKey created = create(ada, "CI", Optional.empty(), "events:read");
            var orphan = new ApiKey(new ApiKeyId(UUID.randomUUID()), new AccountId(UUID.randomUUID()),
                    created.key().name(), "alm_0badf00d",
                    dev.almanac.domain.security.SecretHash.of("alm_0badf00d_" + "z".repeat(43)),
                    created.key().scopes(), clock.instant(), Optional.empty(), Optional.empty(), Optional.empty(), 1);
            storeOrphan(orphan);

            assertThat(authenticationFails("alm_0badf00d_" + "z".repeat(43))).isEqualTo("auth.api_key_invalid");
        }

        private void storeOrphan(ApiKey orphan) {
            store.accounts().add(dev.almanac.domain.account.Account.register(orphan.account(),
                    dev.almanac.domain.account.EmailAddress.of("gone@example.org"),
                    new dev.almanac.domain.account.DisplayName("Gone"),
                    new dev.almanac.domain.account.PasswordHash("$fake$x"), clock.instant()));
            store.apiKeys().add(orphan, ApiKey.MAX_PER_ACCOUNT);
            store.hideAccount(orphan.account());
        }
    }

    @Nested
    class Revoking {
        @Test
        void only_the_owner_revokes_and_a_revoked_key_is_gone_from_the_list() {
            CreatedApiKey created = create(ada, "CI", Optional.empty(), "events:read");
            ApiKeyId id = created.key().id();

            assertThat(catchThrowableOfType(NotFoundException.class, () -> accounts.apiKeys().revoke(eve, id, RequestContext.UNKNOWN))
                    .code()).isEqualTo("api_key.not_found");
            accounts.apiKeys().revoke(ada, id, RequestContext.UNKNOWN);

            assertThat(accounts.apiKeys().unrevoked(ada)).isEmpty();
            assertThat(catchThrowableOfType(NotFoundException.class, () -> accounts.apiKeys().revoke(ada, id, RequestContext.UNKNOWN))
                    .code()).isEqualTo("api_key.not_found");
            assertThat(catchThrowableOfType(NotFoundException.class,
                    () -> accounts.apiKeys().revoke(ada, new ApiKeyId(UUID.randomUUID()), RequestContext.UNKNOWN)).code())
                    .isEqualTo("api_key.not_found");
        }

        @Test
        void the_list_shows_expired_keys_newest_first() {
            create(ada, "first", Optional.of(clock.instant().plusSeconds(60)), "events:read");
            clock.advance(Duration.ofMinutes(5));
            create(ada, "second", Optional.empty(), "events:read");

            List<ApiKeysUseCase.Listed> listed = accounts.apiKeys().unrevoked(ada);

            assertThat(listed).extracting(l -> l.key().name().value()).containsExactly("second", "first");
            assertThat(listed).extracting(ApiKeysUseCase.Listed::status)
                    .containsExactly(ApiKeyStatus.ACTIVE, ApiKeyStatus.EXPIRED);
            assertThat(accounts.apiKeys().unrevoked(eve)).isEmpty();
        }
    }
}
