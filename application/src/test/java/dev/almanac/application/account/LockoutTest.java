package dev.almanac.application.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.application.fakes.FakeAccessTokens;
import dev.almanac.application.fakes.FakePasswordBlocklist;
import dev.almanac.application.fakes.FakePasswordHasher;
import dev.almanac.application.fakes.FakeSecrets;
import dev.almanac.application.fakes.InMemoryAuditTrail;
import dev.almanac.application.fakes.InMemoryLoginThrottles;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.LoginThrottle;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.shared.AuthenticationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class LockoutTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final InMemoryAuditTrail audit = new InMemoryAuditTrail();
    private final CountingHasher hasher = new CountingHasher();
    private final AccountUseCases accounts = AccountUseCases.wire(new AccountPorts(store.accounts(),
            store.sessions(), store.apiKeys(), new InMemoryLoginThrottles(), hasher, new FakePasswordBlocklist(),
            new FakeAccessTokens(), new FakeSecrets(), new SequentialIds(), clock, audit), store.lifecycle().ports());

    /** Counts password checks against real account hashes (the decoy's are not counted). */
    static final class CountingHasher implements PasswordHasher {
        private final FakePasswordHasher delegate = new FakePasswordHasher();
        final AtomicInteger realChecks = new AtomicInteger();
        final AtomicInteger decoyChecks = new AtomicInteger();

        @Override
        public PasswordHash hash(String password) {
            return delegate.hash(password);
        }

        @Override
        public boolean verify(String password, PasswordHash hash) {
            (hash.encoded().contains("decoy") ? decoyChecks : realChecks)
                    .incrementAndGet();
            return delegate.verify(password, hash);
        }

        @Override
        public boolean needsRehash(PasswordHash hash) {
            return delegate.needsRehash(hash);
        }
    }

    @BeforeEach
    void registerAda() {
        accounts.register().register(new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada"), RequestContext.UNKNOWN);
    }

    private String signIn(String password) {
        var e = catchThrowableOfType(AuthenticationException.class, () -> accounts.authenticate()
                .authenticate(new AuthenticateUseCase.Command("ada@example.org", password)));
        return e == null ? "ok" : e.code() + ": " + e.getMessage();
    }

    @Test
    void ten_wrong_passwords_lock_the_account_and_then_even_the_right_one_gets_the_same_answer() {
        String wrong = signIn("not the password at all");
        for (int i = 1; i < LoginThrottle.THRESHOLD; i++) {
            signIn("not the password at all");
        }

        assertThat(signIn(PASSWORD)).isEqualTo(wrong);
        assertThat(signIn("not the password at all")).isEqualTo(wrong);
    }

    @Test
    void a_locked_attempt_costs_one_hash_check_like_any_other() {
        for (int i = 0; i < LoginThrottle.THRESHOLD; i++) {
            signIn("not the password at all");
        }
        int real = hasher.realChecks.get();
        int decoy = hasher.decoyChecks.get();

        signIn(PASSWORD);

        assertThat(hasher.realChecks.get()).isEqualTo(real);
        assertThat(hasher.decoyChecks.get()).isEqualTo(decoy + 1);
    }

    @Test
    void the_lock_lifts_after_fifteen_minutes() {
        for (int i = 0; i < LoginThrottle.THRESHOLD; i++) {
            signIn("not the password at all");
        }
        clock.advance(LoginThrottle.LOCK.minusSeconds(1));
        assertThat(signIn(PASSWORD)).isNotEqualTo("ok");

        clock.advance(Duration.ofSeconds(1));

        assertThat(signIn(PASSWORD)).isEqualTo("ok");
    }

    @Test
    void a_success_starts_the_count_over() {
        for (int i = 0; i < LoginThrottle.THRESHOLD - 1; i++) {
            signIn("not the password at all");
        }
        assertThat(signIn(PASSWORD)).isEqualTo("ok");

        for (int i = 0; i < LoginThrottle.THRESHOLD - 1; i++) {
            signIn("not the password at all");
        }
        assertThat(signIn(PASSWORD)).isEqualTo("ok");
    }

    @Test
    void sixty_parallel_wrong_sign_ins_verify_at_most_twice_the_threshold_and_lock() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Callable<String>> attempts = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                attempts.add(() -> signIn("not the password at all"));
            }
            for (var f : pool.invokeAll(attempts)) {
                assertThat(f.get()).startsWith("auth.invalid_credentials");
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(hasher.realChecks.get()).isBetween(1, 2 * LoginThrottle.THRESHOLD);
        assertThat(signIn(PASSWORD)).startsWith("auth.invalid_credentials");
    }
}
