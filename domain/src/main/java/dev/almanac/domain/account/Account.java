package dev.almanac.domain.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.ForbiddenException;
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

    /** Opens a new account, pending until its e-mail address is verified. */
    public static Account register(AccountId id, EmailAddress email, DisplayName displayName,
                                   PasswordHash passwordHash, Instant now) {
        return new Account(id, email, displayName, passwordHash, AccountStatus.PENDING_VERIFICATION, now);
    }

    /** The same account with a fresh hash (after a re-hash at stronger parameters, say). */
    public Account withPasswordHash(PasswordHash hash) {
        return new Account(id, email, displayName, hash, status, createdAt);
    }

    /** The account once its address is verified; an active account stays as it is. */
    public Account activate() {
        return withStatus(status.moveTo(AccountStatus.ACTIVE));
    }

    /** The account switched off by an operator: no sign-in, refresh or token works any more. */
    public Account disable() {
        return withStatus(status.moveTo(AccountStatus.DISABLED));
    }

    /** The account at a new, verified address. Only a verified account changes its address. */
    public Account withVerifiedEmail(EmailAddress verified) {
        requireNonNull(verified, "verified");
        requireVerified();
        return new Account(id, verified, displayName, passwordHash, status, createdAt);
    }

    /** Whether the account may authenticate at all (sign in, refresh, present a token). */
    public boolean canAuthenticate() {
        return status != AccountStatus.DISABLED;
    }

    /**
     * Guards what reaches other people or outlives a session (feeds, API keys, a new address): only an account
     * whose address is verified may do it (docs/adr/0012).
     *
     * @throws ForbiddenException {@code account.unverified} for a pending (or disabled) account
     */
    public void requireVerified() {
        if (status != AccountStatus.ACTIVE) {
            throw new ForbiddenException("account.unverified",
                    "Verify your e-mail address first (POST /v1/accounts/verify with the token we mailed you; "
                            + "POST /v1/accounts/verify/resend sends a new one)");
        }
    }

    private Account withStatus(AccountStatus next) {
        return next == status ? this : new Account(id, email, displayName, passwordHash, next, createdAt);
    }
}
