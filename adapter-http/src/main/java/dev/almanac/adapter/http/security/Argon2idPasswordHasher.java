package dev.almanac.adapter.http.security;

import static java.util.Objects.requireNonNull;

import com.password4j.Argon2Function;
import com.password4j.Password;
import com.password4j.types.Argon2;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.domain.account.PasswordHash;

/**
 * Argon2id through password4j, at OWASP's minimum parameters by default: 19 MiB of memory, 2 iterations,
 * parallelism 1, a 16-byte random salt and a 32-byte tag, stored as a PHC string
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$<salt>$<hash>}).
 */
public final class Argon2idPasswordHasher implements PasswordHasher {
    public static final int MEMORY_KIB = 19_456;
    public static final int ITERATIONS = 2;
    public static final int PARALLELISM = 1;
    public static final int SALT_BYTES = 16;
    public static final int OUTPUT_BYTES = 32;

    private final Argon2Function function;

    /** OWASP's parameters. */
    public Argon2idPasswordHasher() {
        this(MEMORY_KIB, ITERATIONS, PARALLELISM);
    }

    /** Stronger parameters; weaker than OWASP's are refused. */
    public Argon2idPasswordHasher(int memoryKib, int iterations, int parallelism) {
        if (memoryKib < MEMORY_KIB || iterations < ITERATIONS || parallelism < PARALLELISM) {
            throw new IllegalArgumentException("Argon2id parameters must be at least m=" + MEMORY_KIB + ", t="
                    + ITERATIONS + ", p=" + PARALLELISM);
        }
        this.function = Argon2Function.getInstance(memoryKib, iterations, parallelism, OUTPUT_BYTES, Argon2.ID,
                Argon2Function.ARGON2_VERSION_13);
    }

    @Override
    public PasswordHash hash(String password) {
        requireNonNull(password, "password");
        return new PasswordHash(Password.hash(password).addRandomSalt(SALT_BYTES).with(function).getResult());
    }

    /** {@code false} for a wrong password and for anything that is not an Argon2id PHC string; never throws. */
    @Override
    public boolean verify(String password, PasswordHash hash) {
        if (password == null || hash == null) {
            return false;
        }
        try {
            Argon2Function stored = readParameters(hash);
            return stored != null && stored.check(password, hash.encoded());
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Whether the stored hash uses weaker parameters (or another algorithm) than this hasher. */
    @Override
    public boolean needsRehash(PasswordHash hash) {
        Argon2Function stored;
        try {
            stored = readParameters(hash);
        } catch (RuntimeException e) {
            return true;
        }
        return stored == null
                || stored.getMemory() < function.getMemory()
                || stored.getIterations() < function.getIterations()
                || stored.getParallelism() < function.getParallelism()
                || stored.getOutputLength() < function.getOutputLength()
                || stored.getVersion() < function.getVersion();
    }

    private static Argon2Function readParameters(PasswordHash hash) {
        String encoded = hash.encoded();
        if (!encoded.startsWith("$argon2id$") || encoded.length() > 512) {
            return null;
        }
        Argon2Function stored = Argon2Function.getInstanceFromHash(encoded);
        // Refuse absurd parameters before spending memory on them.
        if (stored.getVariant() != Argon2.ID || stored.getMemory() > 4 * 1024 * 1024 || stored.getIterations() > 100
                || stored.getParallelism() > 64 || stored.getOutputLength() > 1024) {
            return null;
        }
        return stored;
    }

    @Override
    public String toString() {
        return "Argon2idPasswordHasher[" + function + "]";
    }
}
