package dev.almanac.application.fakes;

import dev.almanac.application.port.PasswordHasher;
import dev.almanac.domain.account.PasswordHash;

/**
 * A fast, reversible stand-in for the Argon2id hasher, for use-case tests only. Hashes made by a hasher with
 * a lower {@code generation} need re-hashing, which lets tests drive the re-hash path.
 */
public final class FakePasswordHasher implements PasswordHasher {
    private final int generation;

    public FakePasswordHasher() {
        this(1);
    }

    public FakePasswordHasher(int generation) {
        this.generation = generation;
    }

    @Override
    public PasswordHash hash(String password) {
        return new PasswordHash("$fake$g" + generation + "$" + password);
    }

    @Override
    public boolean verify(String password, PasswordHash hash) {
        int cut = hash.encoded().indexOf('$', "$fake$".length());
        return hash.encoded().startsWith("$fake$") && cut > 0 && hash.encoded().substring(cut + 1).equals(password);
    }

    @Override
    public boolean needsRehash(PasswordHash hash) {
        return !hash.encoded().startsWith("$fake$g" + generation + "$");
    }
}
