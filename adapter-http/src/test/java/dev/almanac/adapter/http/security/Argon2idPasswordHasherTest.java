package dev.almanac.adapter.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static dev.almanac.adapter.http.security.Argon2idPasswordHasher.ITERATIONS;
import static dev.almanac.adapter.http.security.Argon2idPasswordHasher.MEMORY_KIB;
import static dev.almanac.adapter.http.security.Argon2idPasswordHasher.PARALLELISM;
import static dev.almanac.adapter.http.security.Argon2idPasswordHasher.defaultConcurrency;
import static java.util.concurrent.TimeUnit.SECONDS;

import dev.almanac.domain.account.PasswordHash;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Argon2idPasswordHasherTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void a_hash_is_an_argon2id_phc_string_at_owasp_parameters() {
        PasswordHash hash = hasher.hash(PASSWORD);

        String[] parts = hash.encoded().split("\\$");
        assertThat(parts[1]).isEqualTo("argon2id");
        assertThat(parts[2]).isEqualTo("v=19");
        assertThat(parts[3]).isEqualTo("m=19456,t=2,p=1");
        assertThat(Base64.getDecoder().decode(pad(parts[4]))).hasSize(16);
        assertThat(Base64.getDecoder().decode(pad(parts[5]))).hasSize(32);
        assertThat(hash.encoded()).doesNotContain(PASSWORD);
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hasher.hash(PASSWORD));
    }

    @Test
    void the_right_password_verifies_and_a_wrong_one_does_not() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hasher.verify(PASSWORD, hash)).isTrue();
        assertThat(hasher.verify(PASSWORD + " ", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void a_password_verifies_whether_its_characters_come_composed_decomposed_or_full_width() {
        String composed = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";
        String decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";
        PasswordHash fromComposed = hasher.hash(composed);
        PasswordHash fromDecomposed = hasher.hash(decomposed);

        assertThat(hasher.verify(decomposed, fromComposed)).isTrue();
        assertThat(hasher.verify(composed, fromDecomposed)).isTrue();
        assertThat(hasher.verify("\uff43\uff41\uff46\u00e9 cr\u00e8me br\u00fbl\u00e9e", fromComposed))
                .as("full-width letters").isTrue();
        assertThat(hasher.verify("cafe creme brulee", fromComposed)).as("accents are not dropped").isFalse();
    }

    @Test
    void a_hash_made_before_normalisation_still_verifies_with_the_password_as_first_given() {
        String decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";
        // As the hasher did before it normalised: the password's own code points.
        PasswordHash legacy = new PasswordHash(com.password4j.Password.hash(decomposed).addRandomSalt(16)
                .with(com.password4j.Argon2Function.getInstance(Argon2idPasswordHasher.MEMORY_KIB,
                        Argon2idPasswordHasher.ITERATIONS, Argon2idPasswordHasher.PARALLELISM, 32,
                        com.password4j.types.Argon2.ID, com.password4j.Argon2Function.ARGON2_VERSION_13)).getResult());

        assertThat(hasher.verify(decomposed, legacy)).isTrue();
        assertThat(hasher.verify("cafe creme brulee", legacy)).isFalse();
    }

    @Test
    void long_passwords_are_never_truncated() {
        String long1 = "a".repeat(127) + "b";
        String long2 = "a".repeat(127) + "c";

        assertThat(hasher.verify(long2, hasher.hash(long1))).isFalse();
    }

    @Test
    void garbage_hashes_verify_false_without_throwing() {
        for (String garbage : new String[] {"garbage", "$argon2id$", "$argon2id$v=19$m=x,t=2,p=1$abc$def",
                "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA", "$2a$10$abcdefghijklmnopqrstuv",
                "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2g"}) {
            assertThat(hasher.verify(PASSWORD, new PasswordHash(garbage))).as(garbage).isFalse();
        }
    }

    @Test
    void weaker_or_foreign_hashes_need_rehashing_and_current_ones_do_not() {
        var weaker = hasher.hash(PASSWORD).encoded().replace("m=19456,t=2,p=1", "m=19456,t=1,p=1");
        var stronger = new Argon2idPasswordHasher(19_456, 3, 1);

        assertThat(hasher.needsRehash(hasher.hash(PASSWORD))).isFalse();
        assertThat(hasher.needsRehash(new PasswordHash(weaker))).isTrue();
        assertThat(hasher.needsRehash(new PasswordHash("$2a$10$abcdefghijklmnopqrstuv"))).isTrue();
        assertThat(stronger.needsRehash(hasher.hash(PASSWORD))).isTrue();
        assertThat(hasher.needsRehash(stronger.hash(PASSWORD))).isFalse();
    }

    @Test
    void parameters_weaker_than_owasp_are_refused() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(8_192, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    /** At most so many hashes at once, each holding its memory until done (ADR 0033). */
    @Nested
    class Turns {
        private static final long MIB = 1024L * 1024;

        @Test
        void by_default_one_hash_per_core_and_no_more_than_fit_in_a_quarter_of_the_heap() {
            assertThat(defaultConcurrency(256 * MIB, 2, MEMORY_KIB)).as("the benchmark's heap, 2 cores").isEqualTo(2);
            assertThat(defaultConcurrency(256 * MIB, 8, MEMORY_KIB)).as("64 MiB hold three of 19 MiB").isEqualTo(3);
            assertThat(defaultConcurrency(64 * MIB, 4, MEMORY_KIB)).as("16 MiB hold none: still one").isEqualTo(1);
            assertThat(defaultConcurrency(8192 * MIB, 16, MEMORY_KIB)).isEqualTo(16);
            assertThat(defaultConcurrency(Long.MAX_VALUE, 4, MEMORY_KIB)).as("no heap limit").isEqualTo(4);
            assertThat(defaultConcurrency(1024 * MIB, 64, 4 * MEMORY_KIB)).as("256 MiB hold three of 76 MiB")
                    .isEqualTo(3);
            assertThat(new Argon2idPasswordHasher(MEMORY_KIB, ITERATIONS, PARALLELISM, 5).concurrency()).isEqualTo(5);
        }

        @Test
        void nonsense_sizes_are_refused() {
            assertThatThrownBy(() -> new Argon2idPasswordHasher(MEMORY_KIB, ITERATIONS, PARALLELISM, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least one hash");
            assertThatThrownBy(() -> defaultConcurrency(0, 2, MEMORY_KIB)).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> defaultConcurrency(256 * MIB, 0, MEMORY_KIB))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> defaultConcurrency(256 * MIB, 2, 0)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_check_waits_while_every_turn_is_taken_and_goes_on_once_one_is_free() throws Exception {
            var turns = new Semaphore(1, true);
            var hasher = new Argon2idPasswordHasher(MEMORY_KIB, ITERATIONS, PARALLELISM, turns);
            PasswordHash hash = hasher.hash(PASSWORD);
            turns.acquire();

            CompletableFuture<Boolean> verified = waitingCheck(hasher, hash, turns);
            assertThat(verified).as("no turn free").isNotDone();

            turns.release();
            assertThat(verified.get(30, SECONDS)).isTrue();
            assertThat(turns.availablePermits()).as("the turn is given back").isEqualTo(1);
        }

        @Test
        void a_stored_hash_with_more_memory_takes_as_many_turns_as_it_needs() throws Exception {
            PasswordHash doubleMemory = new Argon2idPasswordHasher(2 * MEMORY_KIB, ITERATIONS, PARALLELISM, 1)
                    .hash(PASSWORD);
            var turns = new Semaphore(3, true);
            var hasher = new Argon2idPasswordHasher(MEMORY_KIB, ITERATIONS, PARALLELISM, turns);
            turns.acquire(2);

            CompletableFuture<Boolean> verified = waitingCheck(hasher, doubleMemory, turns);
            assertThat(verified).as("one turn free, two needed").isNotDone();

            turns.release();
            assertThat(verified.get(30, SECONDS)).isTrue();
            assertThat(turns.availablePermits()).as("both turns given back").isEqualTo(2);
        }

        @Test
        void a_hash_waits_for_its_turn_too() throws Exception {
            var turns = new Semaphore(1, true);
            var hasher = new Argon2idPasswordHasher(MEMORY_KIB, ITERATIONS, PARALLELISM, turns);
            turns.acquire();

            var hashed = new CompletableFuture<PasswordHash>();
            new Thread(() -> hashed.complete(hasher.hash(PASSWORD))).start();
            awaitQueued(turns, hashed);
            assertThat(hashed).as("no turn free").isNotDone();

            turns.release();
            assertThat(hasher.verify(PASSWORD, hashed.get(30, SECONDS))).isTrue();
            assertThat(turns.availablePermits()).isEqualTo(1);
        }

        /**
         * A check that has begun is not cut short: the sign-in throttle has counted it by then, and only the
         * password's verdict may settle it (AccountService).
         */
        @Test
        void a_check_interrupted_while_it_waits_still_takes_its_turn_and_keeps_the_interrupt() throws Exception {
            var turns = new Semaphore(1, true);
            var hasher = new Argon2idPasswordHasher(MEMORY_KIB, ITERATIONS, PARALLELISM, turns);
            PasswordHash hash = hasher.hash(PASSWORD);
            turns.acquire();

            var verified = new CompletableFuture<Boolean>();
            var interruptKept = new CompletableFuture<Boolean>();
            Thread check = new Thread(() -> {
                verified.complete(hasher.verify(PASSWORD, hash));
                interruptKept.complete(Thread.currentThread().isInterrupted());
            });
            check.start();
            awaitQueued(turns, verified);
            check.interrupt();
            Thread.sleep(100);
            assertThat(verified).as("still waiting for its turn").isNotDone();
            assertThat(turns.getQueueLength()).isEqualTo(1);

            turns.release();
            assertThat(verified.get(30, SECONDS)).isTrue();
            assertThat(interruptKept.get(30, SECONDS)).isTrue();
            assertThat(turns.availablePermits()).isEqualTo(1);
        }

        /**
         * Sixteen checks at once in a JVM of its own with a 128 MiB heap, where each holds 19 MiB while it runs:
         * without turns that heap runs out (sixteen at once already exhausted 256 MiB).
         */
        @Test
        void sixteen_checks_at_once_fit_in_a_heap_of_128_mib(@TempDir Path dir) throws Exception {
            Path output = dir.resolve("burst.log");
            Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xms128m", "-Xmx128m", "-cp", System.getProperty("java.class.path"),
                    HashingBurst.class.getName(), "16")
                    .redirectErrorStream(true).redirectOutput(output.toFile()).start();
            boolean ended = child.waitFor(120, SECONDS);
            if (!ended) {
                child.destroyForcibly().waitFor();
            }
            String printed = Files.readString(output, StandardCharsets.UTF_8);

            assertThat(ended).as(printed).isTrue();
            assertThat(printed).contains("concurrency=1 verified=16 failed=0").doesNotContain("OutOfMemoryError");
            assertThat(child.exitValue()).as(printed).isZero();
        }

        /** Checks {@link #PASSWORD} against {@code hash} on a thread of its own, once it waits for a turn. */
        private static CompletableFuture<Boolean> waitingCheck(Argon2idPasswordHasher hasher, PasswordHash hash,
                                                               Semaphore turns) throws InterruptedException {
            var verified = new CompletableFuture<Boolean>();
            new Thread(() -> verified.complete(hasher.verify(PASSWORD, hash))).start();
            awaitQueued(turns, verified);
            return verified;
        }

        /** Until a thread waits for {@code turns}; fails if {@code outcome} comes first (it did not wait). */
        private static void awaitQueued(Semaphore turns, CompletableFuture<?> outcome) throws InterruptedException {
            long deadline = System.nanoTime() + SECONDS.toNanos(30);
            while (turns.getQueueLength() == 0) {
                assertThat(outcome).as("it ended without waiting for a turn").isNotDone();
                assertThat(System.nanoTime()).as("nothing came to wait for a turn").isLessThan(deadline);
                Thread.sleep(5);
            }
        }
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
