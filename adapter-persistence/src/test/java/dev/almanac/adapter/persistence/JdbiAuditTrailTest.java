package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.contract.AuditTrailContract;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class JdbiAuditTrailTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final RequestContext LAPTOP = new RequestContext(new Client("192.0.2.1", "Firefox/140"),
            new RequestId("req-7"));
    private static PostgresStore store;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @Nested
    class Contract extends AuditTrailContract {
        @Override
        protected AuditTrail freshTrail() {
            store.emptied();
            return store.persistence().audit();
        }
    }

    @Nested
    class InOneTransactionWithTheChange {
        private AuditTrail audit;
        private Account ada;

        @BeforeEach
        void empty() {
            store.emptied();
            audit = store.persistence().audit();
            ada = Account.register(new AccountId(UUID.randomUUID()), EmailAddress.of("ada@example.org"),
                    new DisplayName("Ada"), new PasswordHash("$fake$g1$correct horse battery"), NOW);
        }

        private AuditEntry signedUp(UUID id) {
            return AuditEntry.of(id, AuditEvent.SIGN_UP, AuditOutcome.SUCCESS, Optional.of(ada.id()), NOW, LAPTOP,
                    Optional.empty());
        }

        @Test
        void an_entry_that_cannot_be_written_undoes_the_change() {
            UUID taken = UUID.randomUUID();
            audit.record(signedUp(taken));

            assertThatThrownBy(() -> audit.recordWith(() -> {
                store.persistence().accounts().add(ada);
                return ada;
            }, added -> Optional.of(signedUp(taken))));

            assertThat(store.persistence().accounts().byId(ada.id())).isEmpty();
        }

        @Test
        void a_change_that_fails_after_its_first_write_leaves_neither_the_write_nor_the_entry() {
            assertThatThrownBy(() -> audit.recordWith(() -> {
                store.persistence().accounts().add(ada);
                throw new IllegalStateException("failed half way");
            }, added -> Optional.of(signedUp(UUID.randomUUID())))).hasMessage("failed half way");

            assertThat(store.persistence().accounts().byId(ada.id())).isEmpty();
            assertThat(audit.of(ada.id(), Optional.empty(), 10)).isEmpty();
        }

        @Test
        void a_change_and_its_entry_commit_together() {
            audit.recordWith(() -> {
                store.persistence().accounts().add(ada);
                return ada;
            }, added -> Optional.of(signedUp(UUID.randomUUID())));

            assertThat(store.persistence().accounts().byId(ada.id())).isPresent();
            assertThat(audit.of(ada.id(), Optional.empty(), 10)).hasSize(1);
        }
    }

    @Nested
    class AppendOnly {
        @BeforeEach
        void oneEntry() {
            store.emptied();
            store.persistence().audit().record(AuditEntry.of(UUID.randomUUID(), AuditEvent.SIGN_IN,
                    AuditOutcome.FAILURE, Optional.empty(), NOW, LAPTOP, Optional.empty()));
        }

        private static void execute(String sql) throws SQLException {
            try (Connection connection = store.dataSource().getConnection();
                 Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }

        @Test
        void the_database_refuses_to_delete_an_entry() {
            assertThatThrownBy(() -> execute("delete from audit_log"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }

        @Test
        void the_database_refuses_to_rewrite_an_entry() {
            assertThatThrownBy(() -> execute("update audit_log set outcome = 'success', event = 'auth.sign_in'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute("update audit_log set ip = '203.0.113.9'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
            assertThatThrownBy(() -> execute("update audit_log set ip = null, user_agent = null, subject = 'x'"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }

        @Test
        void only_the_address_user_agent_and_subject_may_be_forgotten() throws SQLException {
            execute("update audit_log set ip = null, user_agent = null");
            execute("update audit_log set subject = null");
            assertThatThrownBy(() -> execute("update audit_log set request_id = 'other', subject = null"))
                    .isInstanceOf(SQLException.class).hasMessageContaining("append-only");
        }
    }
}
