package dev.almanac.application.fakes;

import dev.almanac.application.contract.FeedRepositoryContract;
import dev.almanac.application.contract.Repositories;
import dev.almanac.application.port.FeedRepository;

class InMemoryFeedRepositoryTest extends FeedRepositoryContract {
    private InMemoryStore store;

    @Override
    protected Repositories freshRepositories() {
        store = new InMemoryStore();
        return new Repositories(store.accounts(), store.calendars(), store.events());
    }

    @Override
    protected FeedRepository feedsOfTheSameStore() {
        return store.feeds();
    }
}
