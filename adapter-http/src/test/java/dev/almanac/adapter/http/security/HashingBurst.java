package dev.almanac.adapter.http.security;

import dev.almanac.domain.account.PasswordHash;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The program of {@code Argon2idPasswordHasherTest}'s child JVM: the default hasher checks one password from
 * {@code args[0]} threads released at once, then prints its concurrency and how many checks verified or failed
 * (with each failure, e.g. an {@code OutOfMemoryError}). Exits 1 if any failed.
 */
final class HashingBurst {
    private static final String PASSWORD = "correct horse battery staple";

    private HashingBurst() {
    }

    public static void main(String[] args) throws InterruptedException {
        int threads = Integer.parseInt(args[0]);
        var hasher = new Argon2idPasswordHasher();
        PasswordHash hash = hasher.hash(PASSWORD);
        var start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<Boolean>> checks = new ArrayList<>();
        for (int i = 0; i < threads; i++) {
            checks.add(pool.submit(() -> {
                start.await();
                return hasher.verify(PASSWORD, hash);
            }));
        }
        start.countDown();
        int verified = 0;
        int failed = 0;
        for (Future<Boolean> check : checks) {
            try {
                if (check.get()) {
                    verified++;
                }
            } catch (ExecutionException e) {
                failed++;
                System.out.println("failed: " + e.getCause());
            }
        }
        pool.shutdown();
        System.out.println("concurrency=" + hasher.concurrency() + " verified=" + verified + " failed=" + failed);
        System.exit(failed == 0 ? 0 : 1);
    }
}
