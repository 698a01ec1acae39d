package dev.almanac.adapter.persistence;

import dev.almanac.application.contract.FeedRepositoryContract;
import dev.almanac.application.contract.Repositories;
import dev.almanac.application.port.FeedRepository;
import org.junit.jupiter.api.BeforeAll;

class JdbiFeedRepositoryTest extends FeedRepositoryContract {
    private static PostgresStore store;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @Override
    protected Repositories freshRepositories() {
        return store.emptied();
    }

    @Override
    protected FeedRepository feedsOfTheSameStore() {
        return store.persistence().feeds();
    }
}
