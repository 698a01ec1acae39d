package dev.almanac.application.fakes;

import dev.almanac.application.contract.AccountLifecycleStoreContract;
import dev.almanac.application.contract.LifecycleStores;
import dev.almanac.application.contract.MailOutboxContract;
import org.junit.jupiter.api.Nested;

class InMemoryLifecycleStoresTest {

    static LifecycleStores fresh() {
        InMemoryStore store = new InMemoryStore();
        return new LifecycleStores(store.accounts(), store.sessions(), store.lifecycle(), store.outbox());
    }

    @Nested
    class Lifecycle extends AccountLifecycleStoreContract {
        @Override
        protected LifecycleStores freshStores() {
            return fresh();
        }
    }

    @Nested
    class Outbox extends MailOutboxContract {
        @Override
        protected LifecycleStores freshStores() {
            return fresh();
        }
    }
}
