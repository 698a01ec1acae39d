package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;

/** Which failures count as the database being out of reach (503) rather than a bug (500). */
class StorageOutageTest {

    @Test
    void a_pool_that_hands_out_no_connection_in_time_is_an_outage() {
        var poolTimeout = new SQLTransientConnectionException("almanac - Connection is not available");
        assertThat(ErrorMapper.isStorageOutage(new IllegalStateException("wrapped", poolTimeout))).isTrue();
    }

    @Test
    void a_refused_or_cut_connection_and_a_shutting_down_server_are_outages() {
        assertThat(ErrorMapper.isStorageOutage(new RuntimeException(new SQLException("refused", "08001")))).isTrue();
        assertThat(ErrorMapper.isStorageOutage(new RuntimeException(new SQLException("I/O error", "08006")))).isTrue();
        assertThat(ErrorMapper.isStorageOutage(new RuntimeException(new SQLException("terminating", "57P01"))))
                .isTrue();
    }

    @Test
    void a_broken_query_or_a_constraint_is_a_bug_not_an_outage() {
        assertThat(ErrorMapper.isStorageOutage(new RuntimeException(new SQLException("syntax", "42601")))).isFalse();
        assertThat(ErrorMapper.isStorageOutage(new RuntimeException(new SQLException("check", "23514")))).isFalse();
        assertThat(ErrorMapper.isStorageOutage(new IllegalStateException("no cause"))).isFalse();
    }
}
