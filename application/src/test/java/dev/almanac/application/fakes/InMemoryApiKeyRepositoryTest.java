package dev.almanac.application.fakes;

import dev.almanac.application.contract.ApiKeyRepositoryContract;
import dev.almanac.application.contract.ApiKeyStores;

class InMemoryApiKeyRepositoryTest extends ApiKeyRepositoryContract {
    @Override
    protected ApiKeyStores freshStores() {
        InMemoryStore store = new InMemoryStore();
        return new ApiKeyStores(store.accounts(), store.apiKeys());
    }
}
