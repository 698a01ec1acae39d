package dev.almanac.application.fakes;

import dev.almanac.application.contract.EventRepositoryContract;
import dev.almanac.application.contract.Repositories;

class InMemoryEventRepositoryTest extends EventRepositoryContract {
    @Override
    protected Repositories freshRepositories() {
        InMemoryStore store = new InMemoryStore();
        return new Repositories(store.accounts(), store.calendars(), store.events());
    }
}
