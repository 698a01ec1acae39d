package dev.almanac.adapter.persistence;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.application.contract.LifecycleStores;
import dev.almanac.application.contract.Repositories;
import dev.almanac.application.contract.SecurityStores;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
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

    /**
     * Runs {@code action} while every {@code event} ({@code insert}, {@code update}, ...) on {@code table} fails
     * with "simulated failure", as a database failing halfway through a transaction would.
     */
    void whileFailing(String event, String table, Runnable action) throws SQLException {
        String name = "fail_" + event + "_" + table;
        execute("create function " + name + "() returns trigger language plpgsql as $$ "
                + "begin raise exception 'simulated failure'; end $$; "
                + "create trigger " + name + " before " + event + " on " + table
                + " for each row execute function " + name + "();");
        try {
            action.run();
        } finally {
            execute("drop trigger " + name + " on " + table + "; drop function " + name + "();");
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = dataSource.getConnection(); Statement statement = c.createStatement()) {
            statement.execute(sql);
        }
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
