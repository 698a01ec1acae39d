package dev.almanac.domain.account;

import static java.util.Objects.requireNonNull;

/**
 * An encoded password hash (PHC string format, e.g. {@code $argon2id$v=19$m=19456,t=2,p=1$...}). Opaque to the
 * domain; only the password-hashing port produces and checks it. Its {@link #toString()} hides the value so it
 * never reaches a log by accident.
 */
public record PasswordHash(String encoded) {
    public PasswordHash {
        requireNonNull(encoded, "encoded");
        if (encoded.isBlank()) {
            throw new IllegalArgumentException("a password hash must not be blank");
        }
    }

    @Override
    public String toString() {
        return "PasswordHash[redacted]";
    }
}
