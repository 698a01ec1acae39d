package dev.almanac.adapter.persistence;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.application.contract.LifecycleStores;
import dev.almanac.application.contract.Repositories;
import dev.almanac.application.contract.SecurityStores;
import javax.sql.DataSource;

/**
 * One migrated test database per test class, emptied before each test: the contracts' "fresh store" without
 * the cost of a new database for every test.
 */
final class PostgresStore {
    private final DataSource dataSource;
    private final PostgresPersistence persistence;

    PostgresStore() {
        this.dataSource = TestDatabase.freshDataSource();
        this.persistence = PostgresPersistence.onDataSource(dataSource);
    }

    Repositories emptied() {
        TestDatabase.truncateAll(dataSource);
        return new Repositories(persistence.accounts(), persistence.calendars(), persistence.events());
    }

    SecurityStores emptiedSecurity() {
        TestDatabase.truncateAll(dataSource);
        return new SecurityStores(persistence.accounts(), persistence.sessions(), persistence.signingKeys());
    }

    LifecycleStores emptiedLifecycle() {
        TestDatabase.truncateAll(dataSource);
        return new LifecycleStores(persistence.accounts(), persistence.sessions(), persistence.lifecycle(),
                persistence.outbox());
    }

    DataSource dataSource() {
        return dataSource;
    }

    PostgresPersistence persistence() {
        return persistence;
    }
}
