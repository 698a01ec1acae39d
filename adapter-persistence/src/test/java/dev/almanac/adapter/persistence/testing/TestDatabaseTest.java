package dev.almanac.adapter.persistence.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

class TestDatabaseTest {

    @Test
    void each_fresh_database_is_migrated_and_sees_none_of_another_s_rows() {
        TestDatabase.Fresh one = TestDatabase.fresh();
        TestDatabase.Fresh other = TestDatabase.fresh();
        Jdbi.create(one.dataSource()).useHandle(h -> h.execute("""
                insert into accounts (id, email, email_normalized, display_name, password_hash, status, created_at)
                values (gen_random_uuid(), 'ada@example.org', 'ada@example.org', 'Ada', 'x', 'ACTIVE', now())
                """));

        assertThat(one.name()).isNotEqualTo(other.name()).startsWith("almanac_test_");
        assertThat(count(one)).isEqualTo(1);
        assertThat(count(other)).isZero();
    }

    @Test
    void an_empty_database_has_no_schema_yet() {
        TestDatabase.Fresh empty = TestDatabase.freshEmpty();

        long tables = Jdbi.create(empty.dataSource()).withHandle(h -> h.createQuery(
                "select count(*) from information_schema.tables where table_schema = 'public'")
                .mapTo(Long.class).one());
        assertThat(tables).isZero();
    }

    private static long count(TestDatabase.Fresh database) {
        return Jdbi.create(database.dataSource()).withHandle(h -> h.createQuery("select count(*) from accounts")
                .mapTo(Long.class).one());
    }
}
