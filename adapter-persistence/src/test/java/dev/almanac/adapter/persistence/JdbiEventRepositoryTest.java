package dev.almanac.adapter.persistence;

import dev.almanac.application.contract.EventRepositoryContract;
import dev.almanac.application.contract.Repositories;
import org.junit.jupiter.api.BeforeAll;

class JdbiEventRepositoryTest extends EventRepositoryContract {
    private static PostgresStore store;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @Override
    protected Repositories freshRepositories() {
        return store.emptied();
    }
}
