package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.contract.SecurityStores;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RefreshOutcome;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The lesson of keycloak/keycloak#49213: the rotation of a refresh token must happen only in the transaction
 * that commits, so a failure halfway (here: the database refuses the session update after the new token's hash
 * was written) leaves the presented token working. And two refreshes racing with one token: one wins, the other
 * is reuse.
 */
class RefreshAtomicityTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Client LAPTOP = new Client("192.0.2.1", "test");
    private static PostgresStore store;

    private SecurityStores stores;
    private Session session;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @BeforeEach
    void signedIn() {
        stores = store.emptiedSecurity();
        Account ada = Account.register(new AccountId(UUID.randomUUID()), EmailAddress.of("ada@example.org"),
                new DisplayName("Ada"), new PasswordHash("$fake$g1$x"), NOW);
        stores.accounts().add(ada);
        session = Session.start(new SessionId(UUID.randomUUID()), ada.id(), SecretHash.of("first"), LAPTOP, NOW);
        stores.sessions().add(session);
    }

    private RefreshOutcome refresh(String presented, String next) {
        return stores.sessions().refresh(SecretHash.of(presented),
                s -> s.refresh(SecretHash.of(presented), SecretHash.of(next), LAPTOP, NOW.plusSeconds(5)))
                .orElseThrow();
    }

    @Test
    void a_refresh_whose_transaction_fails_leaves_the_presented_token_usable() throws Exception {
        store.whileFailing("update", "sessions", () ->
                assertThatThrownBy(() -> refresh("first", "second")).hasMessageContaining("simulated failure"));

        assertThat(stores.sessions().byId(session.id())).contains(session);
        assertThat(stores.sessions().updateByToken(SecretHash.of("second"), s -> s)).as("no trace of the new token")
                .isEmpty();
        assertThat(refresh("first", "second")).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    @Test
    void the_token_survives_when_the_first_attempt_failed_and_works_after() throws Exception {
        store.whileFailing("insert", "refresh_tokens", () ->
                assertThatThrownBy(() -> refresh("first", "second")).hasMessageContaining("simulated failure"));

        assertThat(refresh("first", "second")).isInstanceOf(RefreshOutcome.Rotated.class);
    }

    @Test
    void of_two_refreshes_racing_with_one_token_exactly_one_rotates_and_the_other_is_reuse() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Callable<RefreshOutcome>> racers = new ArrayList<>();
            racers.add(() -> refresh("first", "second-a"));
            racers.add(() -> refresh("first", "second-b"));
            List<RefreshOutcome> outcomes = new ArrayList<>();
            for (Future<RefreshOutcome> f : pool.invokeAll(racers)) {
                outcomes.add(f.get());
            }

            assertThat(outcomes).filteredOn(o -> o instanceof RefreshOutcome.Rotated).hasSize(1);
            assertThat(outcomes).filteredOn(o -> o instanceof RefreshOutcome.ReuseDetected).hasSize(1);
            assertThat(stores.sessions().byId(session.id()).orElseThrow().revokedAt()).isPresent();
        } finally {
            pool.shutdownNow();
        }
    }
}
