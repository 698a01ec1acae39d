package dev.almanac.adapter.persistence;

import dev.almanac.application.contract.SecurityStores;
import dev.almanac.application.contract.SessionRepositoryContract;
import dev.almanac.application.contract.SigningKeyStoreContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

class JdbiSecurityStoresTest {
    private static PostgresStore store;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @Nested
    class Sessions extends SessionRepositoryContract {
        @Override
        protected SecurityStores freshStores() {
            return store.emptiedSecurity();
        }
    }

    @Nested
    class SigningKeys extends SigningKeyStoreContract {
        @Override
        protected SecurityStores freshStores() {
            return store.emptiedSecurity();
        }
    }
}
