package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.security.SecretHash;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.Test;

/**
 * The outbox and the re-send limit under real concurrency: two replicas (each with its own connection pool) on
 * one PostgreSQL database, and many parallel requests against one account.
 */
class LifecycleConcurrencyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");

    private static Account account(String email) {
        return Account.register(new AccountId(UUID.randomUUID()), EmailAddress.of(email), new DisplayName("Ada"),
                new PasswordHash("$fake$hash"), NOW);
    }

    private static VerificationToken token(Account account, Instant at) {
        return VerificationToken.issue(SecretHash.of(UUID.randomUUID().toString()), account.id(),
                new VerificationToken.Activate(), at);
    }

    private static HikariDataSource secondPool(TestDatabase.Fresh database) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(database.jdbcUrl());
        config.setUsername(database.user());
        config.setPassword(database.password());
        config.setMaximumPoolSize(2);
        return new HikariDataSource(config);
    }

    @Test
    void two_replicas_draining_one_outbox_at_once_send_every_mail_exactly_once() throws Exception {
        TestDatabase.Fresh database = TestDatabase.fresh();
        PostgresPersistence one = PostgresPersistence.onDataSource(database.dataSource());
        int mails = 120;
        for (int i = 0; i < mails; i++) {
            Account account = account("user" + i + "@example.org");
            one.lifecycle().open(account, token(account, NOW), new OutgoingMail(account.email(), "Mail " + i, "body"));
        }
        ConcurrentLinkedQueue<String> sent = new ConcurrentLinkedQueue<>();
        try (HikariDataSource pool = secondPool(database)) {
            PostgresPersistence two = PostgresPersistence.onDataSource(pool);
            ExecutorService replicas = Executors.newFixedThreadPool(2);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Integer>> handled = new ArrayList<>();
            for (PostgresPersistence replica : List.of(one, two)) {
                handled.add(replicas.submit(() -> {
                    start.await();
                    int total = 0;
                    int batch;
                    while ((batch = replica.outbox().relay(NOW, 7, queued -> {
                        sent.add(queued.mail().subject());
                        java.util.concurrent.locks.LockSupport.parkNanos(1_000_000);
                        return new MailOutbox.Sent(NOW);
                    })) > 0) {
                        total += batch;
                    }
                    return total;
                }));
            }
            start.countDown();
            int first = handled.get(0).get();
            int second = handled.get(1).get();
            replicas.shutdown();

            assertThat(sent).hasSize(mails).doesNotHaveDuplicates();
            assertThat(first + second).isEqualTo(mails);
            assertThat(first).as("both replicas took part").isPositive();
            assertThat(second).as("both replicas took part").isPositive();
        }
        long left = Jdbi.create(database.dataSource()).withHandle(h -> h.createQuery(
                "select count(*) from mail_outbox where state <> 'SENT' or body is not null").mapTo(Long.class).one());
        assertThat(left).as("every row sent and emptied of its content").isZero();
    }

    @Test
    void parallel_re_sends_for_one_account_are_counted_one_after_another() throws Exception {
        PostgresPersistence persistence = PostgresPersistence.onDataSource(TestDatabase.freshDataSource());
        Account ada = account("ada@example.org");
        persistence.lifecycle().open(ada, token(ada, NOW.minusSeconds(3600)),
                new OutgoingMail(ada.email(), "Welcome", "body"));
        Instant now = NOW;
        ExecutorService requests = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Callable<Boolean>> resends = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            resends.add(() -> {
                start.await();
                return persistence.lifecycle().issue(token(ada, now), new OutgoingMail(ada.email(), "Again", "b"),
                        ResendLimit.DEFAULT);
            });
        }
        List<Future<Boolean>> answers = new ArrayList<>();
        for (Callable<Boolean> resend : resends) {
            answers.add(requests.submit(resend));
        }
        start.countDown();
        int issued = 0;
        for (Future<Boolean> answer : answers) {
            issued += answer.get() ? 1 : 0;
        }
        requests.shutdown();

        assertThat(issued).as("one mail a minute, however many ask at once").isEqualTo(1);
    }

    @Test
    void accounts_that_existed_before_the_lifecycle_stay_active() {
        TestDatabase.Fresh database = TestDatabase.freshEmpty();
        Flyway.configure().dataSource(database.dataSource()).locations(PostgresPersistence.MIGRATIONS)
                .target("4.1").load().migrate();
        Jdbi jdbi = Jdbi.create(database.dataSource());
        jdbi.useHandle(h -> h.execute("""
                insert into accounts (id, email, email_normalized, display_name, password_hash, status, created_at)
                values ('00000000-0000-7000-8000-000000000001', 'old@example.org', 'old@example.org', 'Old',
                        '$fake$hash', 'ACTIVE', now())
                """));

        PostgresPersistence persistence = PostgresPersistence.onDataSource(database.dataSource());

        assertThat(persistence.accounts().byEmail(EmailAddress.of("old@example.org")).orElseThrow().status())
                .hasToString("ACTIVE");
        Account fresh = account("new@example.org");
        persistence.lifecycle().open(fresh, token(fresh, NOW), new OutgoingMail(fresh.email(), "Welcome", "b"));
        assertThat(persistence.accounts().byId(fresh.id()).orElseThrow().status()).hasToString("PENDING_VERIFICATION");
    }
}
