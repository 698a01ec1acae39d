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
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A password change stores the new hash and ends the other sessions in one transaction: when the sessions cannot
 * be revoked (here a trigger refuses the update), the old hash stays too, so the answer "nothing changed" is true.
 */
class PasswordChangeAtomicityTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Client LAPTOP = new Client("192.0.2.1", "test");
    private static PostgresStore store;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @Test
    void when_the_sessions_cannot_be_revoked_the_old_password_hash_stays() throws Exception {
        SecurityStores stores = store.emptiedSecurity();
        PasswordHash old = new PasswordHash("$fake$g1$old");
        Account ada = Account.register(new AccountId(UUID.randomUUID()), EmailAddress.of("ada@example.org"),
                new DisplayName("Ada"), old, NOW);
        stores.accounts().add(ada);
        Session kept = Session.start(new SessionId(UUID.randomUUID()), ada.id(), SecretHash.of("a"), LAPTOP, NOW);
        Session other = Session.start(new SessionId(UUID.randomUUID()), ada.id(), SecretHash.of("b"), LAPTOP, NOW);
        stores.sessions().add(kept);
        stores.sessions().add(other);
        store.whileFailing("update", "sessions", () ->
                assertThatThrownBy(() -> stores.accounts().changePassword(ada.id(), new PasswordHash("$fake$g1$new"),
                        Optional.of(kept.id()), NOW.plusSeconds(5))).hasMessageContaining("simulated failure"));

        assertThat(stores.accounts().byId(ada.id()).orElseThrow().passwordHash()).isEqualTo(old);
        assertThat(stores.sessions().isLive(other.id(), ada.id(), NOW.plusSeconds(6))).isTrue();
    }
}
