package dev.almanac.adapter.persistence;

import dev.almanac.application.contract.AccountLifecycleStoreContract;
import dev.almanac.application.contract.LifecycleStores;
import dev.almanac.application.contract.MailOutboxContract;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;

class JdbiLifecycleStoresTest {
    private static PostgresStore store;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @Nested
    class Lifecycle extends AccountLifecycleStoreContract {
        @Override
        protected LifecycleStores freshStores() {
            return store.emptiedLifecycle();
        }
    }

    @Nested
    class Outbox extends MailOutboxContract {
        @Override
        protected LifecycleStores freshStores() {
            return store.emptiedLifecycle();
        }
    }
}
