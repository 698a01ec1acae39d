package dev.almanac.adapter.http.security;

import static java.util.Objects.requireNonNull;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.account.PasswordPolicy;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Argon2id through password4j, at OWASP's minimum parameters by default: 19 MiB of memory, 2 iterations,
 * parallelism 1, a 16-byte random salt and a 32-byte tag, stored as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}).
 *
 * <p>Passwords are hashed in Unicode normalisation form NFKC (NIST SP 800-63B §5.1.1.2), so the same password
 * typed as composed or decomposed characters ({@code é} or {@code e} and a combining accent, as different keyboards
 * and systems send it), or in full-width forms, verifies either way. A hash made before normalisation, of a
 * password that NFKC changes, still verifies with the password exactly as it was first given.
 *
 * <p>Each hash holds its whole memory (19 MiB at OWASP's parameters) until it is done, so a burst of sign-ins,
 * each computing one at the same time, could fill a small heap: sixteen at once ran a 256 MiB heap out of memory
 * in a JVM running only this hasher. The hasher therefore computes at most {@link #concurrency()} hashes at once
 * and makes the others wait for their turn, in order of arrival (ADR 0033). By default that is one per core
 * (Argon2id with parallelism 1 keeps one core busy, so more at once would only share the cores and finish later)
 * and no more than fit in a quarter of the heap. A stored hash made with more memory than this hasher's takes as
 * many turns at once as its memory needs, and all of them if it needs more.
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_BYTES = 16;
    public static final int OUTPUT_BYTES = 32;

    /** The share of the heap that hashes computing at once may hold: a quarter. */
    private static final int HEAP_SHARE = 4;
    /** The most memory a stored hash may ask for (1 GiB); anything above is not one of ours. */
    private static final long MAX_MEMORY_KIB = 1024 * 1024;
    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=(\\d{1,3})\\$m=(\\d{1,10}),t=(\\d{1,10}),p=(\\d{1,5})\\$[A-Za-z0-9+/]{8,128}\\$([A-Za-z0-9+/]{16,256})");

    private final Argon2Function function;
    private final int concurrency;
    /** One permit per hash of this hasher's memory that may be computed at once; handed out in order of arrival. */
    private final Semaphore turns;

    /** OWASP's parameters, with {@link #defaultConcurrency} for this JVM's heap and cores. */
    public Argon2idPasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    /**
     * Stronger parameters, with {@link #defaultConcurrency} for this JVM's heap and cores; weaker than OWASP's are
     * refused.
     */
    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        this(memoryKib, iterations, parallelism, defaultConcurrency(Runtime.getRuntime().maxMemory(),
                Runtime.getRuntime().availableProcessors(), memoryKib));
    }

    /**
     * Stronger parameters and how many hashes may be computed at once (at least one); weaker parameters than
     * OWASP's are refused.
     */
    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism, int concurrency) {
        this(memoryKib, iterations, parallelism, new Semaphore(concurrency, true));
    }

    /** With the turns given: as many hashes at once as {@code turns} has permits now (for tests that take some). */
    Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism, Semaphore turns) {
        if (memoryKib < MEMORY_KIB || iterations < ITERATIONS || parallelism < PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parameters must be at least m=" + MEMORY_KIB + ", t="
                    + ITERATIONS + ", p=" + PARALLELISM);
        }
        if (turns.availablePermits() < 1) {
            throw new IllegalArgumentException("at least one hash must be allowed at a time, not "
                    + turns.availablePermits());
        }
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, OUTPUT_BYTES, Argon2.ID,
                Argon2Function.ARGON2_VERSION_13);
        this.concurrency = turns.availablePermits();
        this.turns = turns;
    }

    /**
     * How many hashes of {@code memoryKib} each may be computed at once in a JVM with {@code maxHeapBytes} of heap
     * ({@link Runtime#maxMemory()}, {@link Long#MAX_VALUE} when unbounded) and {@code cores} processors: one per
     * core, and no more than fit in a quarter of the heap, but at least one.
     */
    public static int defaultConcurrency(long maxHeapBytes, int cores, int memoryKib) {
        if (maxHeapBytes < 1 || cores < 1 || memoryKib < 1) {
            throw new IllegalArgumentException("heap, cores and memory must be positive");
        }
        long byHeap = maxHeapBytes / HEAP_SHARE / (memoryKib * 1024L);
        return (int) Math.max(1, Math.min(cores, byHeap));
    }

    /** How many hashes of this hasher's parameters it computes at once at most. */
    public int concurrency() {
        return concurrency;
    }

    /** Waits for its turn if {@link #concurrency()} hashes are being computed. */
    @Override
    public PasswordHash hash(String password) {
        requireNonNull(password, "password");
        String normalized = normalized(password);
        return new PasswordHash(inTurn(function.getMemory(),
                () -> Password.hash(normalized).addRandomSalt(SALT_BYTES).with(function).getResult()));
    }

    /**
     * {@code false} for a wrong password and for anything that is not an Argon2id PHC string; never throws. Waits
     * for its turn if {@link #concurrency()} hashes are being computed, also when interrupted (the interrupt stays
     * set).
     */
    @Override
    public boolean verify(String password, PasswordHash hash) {
        if (password == null || hash == null) {
            return false;
        }
        Stored parameters;
        try {
            parameters = read(hash);
        } catch (RuntimeException e) {
            return false;
        }
        if (parameters == null) {
            return false;
        }
        // The library's function for these parameters only inside the turn: the first one for a parameter set
        // allocates (and keeps) a block of the hash's memory.
        return inTurn(parameters.memoryKib(), () -> {
            try {
                Argon2Function stored = parameters.function();
                String normalized = normalized(password);
                // The second check only for a password NFKC changes, against a hash from before normalisation.
                return stored.check(normalized, hash.encoded())
                        || !normalized.equals(password) && stored.check(password, hash.encoded());
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /**
     * Runs {@code work}, a hash with {@code memoryKib}, once permits for its memory are free: one per multiple of
     * this hasher's memory it needs, and all of them for a hash larger than all of them together (it then runs
     * alone). Waits uninterruptibly: a check that has begun is never cut short between the sign-in throttle's
     * count and the password's verdict.
     */
    private <T> T inTurn(long memoryKib, Supplier<T> work) {
        long multiples = (memoryKib + function.getMemory() - 1) / function.getMemory();
        int permits = (int) Math.max(1, Math.min(concurrency, multiples));
        turns.acquireUninterruptibly(permits);
        try {
            return work.get();
        } finally {
            turns.release(permits);
        }
    }

    /** Whether the stored hash uses weaker parameters (or another algorithm) than this hasher. */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        Stored stored;
        try {
            stored = read(hash);
        } catch (RuntimeException e) {
            return true;
        }
        return stored == null
                || stored.memoryKib() < function.getMemory()
                || stored.iterations() < function.getIterations()
                || stored.parallelism() < function.getParallelism()
                || stored.outputBytes() < function.getOutputLength()
                || stored.version() < function.getVersion();
    }

    /** The form a password is hashed in: the policy's, NFKC. */
    static String normalized(String password) {
        return PasswordPolicy.normalized(password);
    }

    /** The parameters an Argon2id PHC string names, read without the library (which allocates for them). */
    private record Stored(int version, int memoryKib, int iterations, int parallelism, int outputBytes) {
        /** The library's function for these parameters (made, and cached by the library, on first use). */
        Argon2Function function() {
            return Argon2Function.getInstance(memoryKib, iterations, parallelism, outputBytes, Argon2.ID, version);
        }
    }

    /**
     * The parameters of a well-formed Argon2id PHC string within sane bounds, else {@code null}: absurd ones are
     * refused before the library allocates memory for them.
     */
    private static Stored read(PasswordHash hash) {
        String encoded = hash.encoded();
        Matcher phc = PHC.matcher(encoded);
        if (encoded.length() > 512 || !phc.matches()) {
            return null;
        }
        long memory = Long.parseLong(phc.group(2));
        long iterations = Long.parseLong(phc.group(3));
        long parallelism = Long.parseLong(phc.group(4));
        if (memory < 8 || memory > MAX_MEMORY_KIB || iterations < 1 || iterations > 100 || parallelism < 1
                || parallelism > 64) {
            return null;
        }
        // Unpadded base64: three bytes for every four characters.
        return new Stored(Integer.parseInt(phc.group(1)), (int) memory, (int) iterations, (int) parallelism,
                phc.group(5).length() * 3 / 4);
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[" + function + ", " + concurrency + " at once]";
    }
}
