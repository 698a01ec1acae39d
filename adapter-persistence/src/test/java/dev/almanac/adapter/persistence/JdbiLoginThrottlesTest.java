package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.LoginThrottle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class JdbiLoginThrottlesTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static PostgresStore store;
    private AccountId ada;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
    }

    @BeforeEach
    void account() {
        var stores = store.emptiedSecurity();
        Account account = Account.register(new AccountId(UUID.randomUUID()), EmailAddress.of("ada@example.org"),
                new DisplayName("Ada"), new PasswordHash("$fake$g1$x"), NOW);
        stores.accounts().add(account);
        ada = account.id();
    }

    @Test
    void parallel_attempts_on_one_account_are_counted_one_after_another() throws Exception {
        var throttles = store.persistence().loginThrottles();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        int allowed = 0;
        try {
            List<Callable<Boolean>> attempts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                attempts.add(() -> throttles.attempt(ada, NOW, t -> t.begin(NOW)).allowed());
            }
            for (var f : pool.invokeAll(attempts)) {
                allowed += f.get() ? 1 : 0;
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(allowed).isEqualTo(LoginThrottle.THRESHOLD);
        assertThat(throttles.attempt(ada, NOW, t -> t.begin(NOW)).next().isLocked(NOW)).isTrue();
    }

    @Test
    void a_reset_starts_the_count_over_and_the_state_survives_between_calls() {
        var throttles = store.persistence().loginThrottles();
        for (int i = 0; i < 9; i++) {
            throttles.attempt(ada, NOW, t -> t.begin(NOW));
        }
        assertThat(throttles.attempt(ada, NOW, t -> new LoginThrottle.Attempt(true, t, false)).next().failures())
                .isEqualTo(9);

        throttles.reset(ada, NOW);

        assertThat(throttles.attempt(ada, NOW, t -> t.begin(NOW)).next().failures()).isEqualTo(1);
    }
}
