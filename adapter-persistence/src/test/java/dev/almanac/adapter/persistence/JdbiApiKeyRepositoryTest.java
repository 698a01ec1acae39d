package dev.almanac.adapter.persistence;

import dev.almanac.application.contract.ApiKeyRepositoryContract;
import dev.almanac.application.contract.ApiKeyStores;
import org.junit.jupiter.api.BeforeAll;

class JdbiApiKeyRepositoryTest extends ApiKeyRepositoryContract {
    private static PostgresStore store;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @Override
    protected ApiKeyStores freshStores() {
        store.emptied();
        return new ApiKeyStores(store.persistence().accounts(), store.persistence().apiKeys());
    }
}
