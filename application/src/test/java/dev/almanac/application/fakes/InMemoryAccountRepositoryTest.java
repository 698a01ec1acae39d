package dev.almanac.application.fakes;

import dev.almanac.application.contract.AccountRepositoryContract;
import dev.almanac.application.contract.Repositories;

class InMemoryAccountRepositoryTest extends AccountRepositoryContract {
    @Override
    protected Repositories freshRepositories() {
        InMemoryStore store = new InMemoryStore();
        return new Repositories(store.accounts(), store.calendars(), store.events());
    }
}
