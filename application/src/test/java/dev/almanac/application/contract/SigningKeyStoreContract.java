package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.NOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.application.port.SigningKeyStore;
import dev.almanac.application.port.SigningKeyStore.StoredKey;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link SigningKeyStore} does; run against the in-memory fake and PostgreSQL. */
public abstract class SigningKeyStoreContract {

    protected abstract SecurityStores freshStores();

    private SigningKeyStore keys;

    @BeforeEach
    void emptyStore() {
        keys = freshStores().signingKeys();
    }

    private static StoredKey key(String kid, Instant createdAt) {
        return new StoredKey(kid, "EdDSA", new byte[] {1, 2, 3}, new byte[] {4, 5, 6, 7}, createdAt,
                createdAt.plusSeconds(600));
    }

    @Test
    void stored_keys_come_back_oldest_first_with_every_field() {
        StoredKey second = key("kid-2", NOW.plusSeconds(10));
        StoredKey first = key("kid-1", NOW);
        keys.addUnlessCreatedAfter(first, NOW.minusSeconds(1));
        keys.addUnlessCreatedAfter(second, NOW);

        assertThat(keys.all()).containsExactly(first, second);
    }

    @Test
    void a_rotation_is_skipped_when_another_replica_rotated_first() {
        assertThat(keys.addUnlessCreatedAfter(key("kid-1", NOW), NOW.minusSeconds(60))).isTrue();

        assertThat(keys.addUnlessCreatedAfter(key("kid-2", NOW.plusSeconds(1)), NOW.minusSeconds(60))).isFalse();
        assertThat(keys.all()).extracting(StoredKey::kid).containsExactly("kid-1");
    }

    @Test
    void a_removed_key_is_gone_and_removing_twice_is_harmless() {
        keys.addUnlessCreatedAfter(key("kid-1", NOW), NOW.minusSeconds(1));

        keys.remove("kid-1");
        keys.remove("kid-1");

        assertThat(keys.all()).isEmpty();
    }
}
