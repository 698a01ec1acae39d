package dev.almanac.adapter.persistence;

import dev.almanac.application.contract.CalendarRepositoryContract;
import dev.almanac.application.contract.Repositories;
import org.junit.jupiter.api.BeforeAll;

class JdbiCalendarRepositoryTest extends CalendarRepositoryContract {
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
