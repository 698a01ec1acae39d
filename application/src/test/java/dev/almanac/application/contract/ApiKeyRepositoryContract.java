package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.account;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.ApiKeyRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.apikey.ApiKeyName;
import dev.almanac.domain.apikey.Scope;
import dev.almanac.domain.apikey.Scopes;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ApiKeyRepository} does; run against the in-memory fake and PostgreSQL. */
public abstract class ApiKeyRepositoryContract {

    protected abstract ApiKeyStores freshStores();

    private ApiKeyRepository keys;
    private Account ada;
    private Account eve;

    @BeforeEach
    void emptyStore() {
        ApiKeyStores stores = freshStores();
        keys = stores.apiKeys();
        ada = account("ada@example.org");
        eve = account("eve@example.org");
        stores.accounts().add(ada);
        stores.accounts().add(eve);
    }

    private ApiKey key(Account owner, String secret, Instant at) {
        return ApiKey.issue(new ApiKeyId(newId()), owner.id(), new ApiKeyName("CI " + secret),
                SecretHash.of(secret), Scopes.of(Scope.EVENTS_READ, Scope.CALENDARS_WRITE),
                Optional.of(at.plus(Duration.ofDays(30))), at);
    }

    private ApiKey added(Account owner, String secret, Instant at) {
        ApiKey key = key(owner, secret, at);
        keys.add(key, ApiKey.MAX_PER_ACCOUNT);
        return key;
    }

    /** Runs a competing call on another thread (another connection), as a second request would. */
    private static void elsewhere(Runnable competing) {
        CompletableFuture.runAsync(competing).join();
    }

    @Test
    void an_added_key_is_found_by_id_and_by_its_secret_hash_with_every_field() {
        ApiKey key = added(ada, "first", NOW);

        assertThat(keys.byId(key.id())).contains(key);
        assertThat(keys.bySecretHash(SecretHash.of("first"))).contains(key);
        assertThat(keys.bySecretHash(SecretHash.of("never issued"))).isEmpty();
        assertThat(keys.byId(new ApiKeyId(newId()))).isEmpty();
    }

    @Test
    void a_key_without_expiry_keeps_none() {
        ApiKey key = ApiKey.issue(new ApiKeyId(newId()), ada.id(), new ApiKeyName("forever"),
                SecretHash.of("forever"), Scopes.of(Scope.ACCOUNT_READ), Optional.empty(), NOW);
        keys.add(key, ApiKey.MAX_PER_ACCOUNT);

        assertThat(keys.byId(key.id())).contains(key);
    }

    @Test
    void unrevoked_lists_the_accounts_own_keys_newest_first_without_revoked_ones() {
        ApiKey older = added(ada, "a", NOW);
        ApiKey newer = added(ada, "b", NOW.plusSeconds(10));
        ApiKey revoked = added(ada, "c", NOW.plusSeconds(20));
        added(eve, "d", NOW.plusSeconds(30));
        keys.update(revoked.id(), k -> k.revoke(NOW.plusSeconds(40)));

        assertThat(keys.unrevoked(ada.id())).extracting(ApiKey::id).containsExactly(newer.id(), older.id());
    }

    @Test
    void the_limit_counts_only_the_accounts_unrevoked_keys() {
        ApiKey first = added(ada, "a", NOW);
        keys.add(key(ada, "b", NOW), 2);
        keys.add(key(eve, "e", NOW), 2);

        assertThatThrownBy(() -> keys.add(key(ada, "c", NOW), 2))
                .isInstanceOf(ConflictException.class).hasFieldOrPropertyWithValue("code", "api_key.limit_reached");
        assertThat(keys.unrevoked(ada.id())).hasSize(2);

        keys.update(first.id(), k -> k.revoke(NOW));
        keys.add(key(ada, "c", NOW), 2);
        assertThat(keys.unrevoked(ada.id())).hasSize(2);
    }

    @Test
    void racing_creations_cannot_pass_the_limit_together() throws Exception {
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var start = new java.util.concurrent.CountDownLatch(1);
            var attempts = new java.util.ArrayList<java.util.concurrent.Future<Boolean>>();
            for (int i = 0; i < 64; i++) {
                ApiKey key = key(ada, "race " + i, NOW);
                attempts.add(pool.submit(() -> {
                    start.await();
                    try {
                        keys.add(key, 40);
                        return true;
                    } catch (ConflictException full) {
                        return false;
                    }
                }));
            }
            start.countDown();
            int made = 0;
            for (var attempt : attempts) {
                made += attempt.get() ? 1 : 0;
            }

            assertThat(made).isEqualTo(40);
            assertThat(keys.unrevoked(ada.id())).hasSize(40);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void a_revocation_is_stored_with_the_next_version() {
        ApiKey key = added(ada, "first", NOW);

        ApiKey revoked = keys.update(key.id(), k -> k.revoke(NOW.plusSeconds(5))).orElseThrow();

        assertThat(revoked.version()).isEqualTo(2);
        assertThat(keys.byId(key.id())).contains(revoked);
        assertThat(keys.byId(key.id()).orElseThrow().revokedAt()).contains(NOW.plusSeconds(5));
        assertThat(keys.update(new ApiKeyId(newId()), k -> k.revoke(NOW))).isEmpty();
    }

    @Test
    void a_change_that_lost_the_race_is_a_stale_version_and_changes_nothing() {
        ApiKey key = added(ada, "first", NOW);

        assertThatThrownBy(() -> keys.update(key.id(), read -> {
            elsewhere(() -> keys.update(key.id(), k -> k.revoke(NOW.plusSeconds(1))));
            return read.revoke(NOW.plusSeconds(2));
        })).isInstanceOf(StaleVersionException.class).hasFieldOrPropertyWithValue("code", "api_key.version_mismatch");

        assertThat(keys.byId(key.id()).orElseThrow().revokedAt()).contains(NOW.plusSeconds(1));
    }

    @Test
    void recording_use_moves_last_used_forward_only_and_keeps_the_version() {
        ApiKey key = added(ada, "first", NOW);

        keys.recordUse(key.id(), NOW.plusSeconds(120));
        keys.recordUse(key.id(), NOW.plusSeconds(60));

        ApiKey used = keys.byId(key.id()).orElseThrow();
        assertThat(used.lastUsedAt()).contains(NOW.plusSeconds(120));
        assertThat(used.version()).isEqualTo(1);
        keys.recordUse(new ApiKeyId(newId()), NOW);
    }

    @Test
    void a_revocation_keeps_use_recorded_after_the_key_was_read() {
        ApiKey key = added(ada, "first", NOW);

        keys.update(key.id(), read -> {
            elsewhere(() -> keys.recordUse(key.id(), NOW.plusSeconds(30)));
            return read.revoke(NOW.plusSeconds(60));
        });

        ApiKey stored = keys.byId(key.id()).orElseThrow();
        assertThat(stored.lastUsedAt()).contains(NOW.plusSeconds(30));
        assertThat(stored.revokedAt()).contains(NOW.plusSeconds(60));
    }
}
