package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The per-request session check (ADR 0015) stays two primary-key look-ups however many sessions there are: with
 * thousands of accounts and sessions, PostgreSQL's own planner reads neither table.
 */
class SessionCheckQueryPlanTest {
    private static final int ACCOUNTS = 2_000;
    private static final int SESSIONS_PER_ACCOUNT = 5;
    private static Jdbi jdbi;
    private static UUID someSession;
    private static UUID itsAccount;

    @BeforeAll
    static void manySessions() {
        jdbi = Jdbi.create(TestDatabase.freshDataSource());
        jdbi.useHandle(handle -> {
            handle.execute("""
                    insert into accounts (id, email, email_normalized, display_name, password_hash, status, created_at)
                    select gen_random_uuid(), 'a' || n || '@example.org', 'a' || n || '@example.org', 'A', '$fake$g1$x',
                           'ACTIVE', now()
                      from generate_series(1, ?) n
                    """, ACCOUNTS);
            handle.execute("""
                    insert into sessions (id, account_id, current_token, ip, user_agent, created_at, last_used_at,
                                          expires_at)
                    select gen_random_uuid(), a.id, encode(sha256((a.id::text || g)::bytea), 'hex'), '192.0.2.1', 'x',
                           now(), now(), now() + interval '30 days'
                      from accounts a cross join generate_series(1, ?) g
                    """, SESSIONS_PER_ACCOUNT);
            handle.execute("analyze");
            someSession = handle.createQuery("select id from sessions order by id limit 1").mapTo(UUID.class).one();
            itsAccount = handle.createQuery("select account_id from sessions where id = ?").bind(0, someSession)
                    .mapTo(UUID.class).one();
        });
    }

    @Test
    void the_session_check_is_a_primary_key_look_up_of_sessions_and_accounts() {
        String plan = jdbi.withHandle(handle -> String.join("\n", handle.createQuery(
                        "explain " + JdbiSessionRepository.LIVE_SQL)
                .bind("session", someSession).bind("account", itsAccount)
                .bind("now", OffsetDateTime.now())
                .mapTo(String.class).list()));

        assertThat(plan).contains("sessions_pkey").contains("accounts_pkey").doesNotContain("Seq Scan");
    }

    @Test
    void the_session_check_answers_for_a_live_session_and_refuses_a_stranger() {
        boolean live = jdbi.withHandle(handle -> handle.createQuery(JdbiSessionRepository.LIVE_SQL)
                .bind("session", someSession).bind("account", itsAccount).bind("now", OffsetDateTime.now())
                .mapTo(OffsetDateTime.class).findOne()).isPresent();
        boolean stranger = jdbi.withHandle(handle -> handle.createQuery(JdbiSessionRepository.LIVE_SQL)
                .bind("session", someSession).bind("account", UUID.randomUUID()).bind("now", OffsetDateTime.now())
                .mapTo(OffsetDateTime.class).findOne()).isPresent();

        assertThat(live).isTrue();
        assertThat(stranger).isFalse();
    }
}
