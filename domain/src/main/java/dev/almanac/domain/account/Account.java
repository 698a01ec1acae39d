package dev.almanac.domain.account;

import static java.util.Objects.requireNonNull;

import java.time.Instant;

/**
 * A person who signs in to Almanac.
 *
 * @param passwordHash never serialised by any adapter; only the password-hashing port reads it
 */
public record Account(AccountId id, EmailAddress email, DisplayName displayName, PasswordHash passwordHash,
                      AccountStatus status, Instant createdAt) {

    public Account {
        requireNonNull(id, "id");
        requireNonNull(email, "email");
        requireNonNull(displayName, "displayName");
        requireNonNull(passwordHash, "passwordHash");
        requireNonNull(status, "status");
        requireNonNull(createdAt, "createdAt");
    }

    /** Opens a new account, active at once. */
    public static Account register(AccountId id, EmailAddress email, DisplayName displayName,
                                   PasswordHash passwordHash, Instant now) {
        return new Account(id, email, displayName, passwordHash, AccountStatus.ACTIVE, now);
    }

    /** The same account with a fresh hash (after a re-hash at stronger parameters, say). */
    public Account withPasswordHash(PasswordHash hash) {
        return new Account(id, email, displayName, hash, status, createdAt);
    }
}
