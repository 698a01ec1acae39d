package dev.almanac.domain.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A single-use token mailed to an address to prove the account holds it: either to activate a new account or to
 * move an account to a new address. Only the token's {@link SecretHash} is kept; the token itself (at least 128
 * random bits) exists only in the mail. It expires {@link #LIFETIME} after it was issued (docs/adr/0012).
 *
 * @param usedAt when it was redeemed; empty while it is still unused
 */
public record VerificationToken(SecretHash hash, AccountId account, Purpose purpose, Instant issuedAt,
                                Instant expiresAt, Optional<Instant> usedAt) {
    public static final Duration LIFETIME = Duration.ofHours(24);

    /** What redeeming the token does. */
    public sealed interface Purpose {
        /** The kind's stable name, as stored. */
        String kind();
    }

    /** Activates a pending account. */
    public record Activate() implements Purpose {
        public static final String KIND = "ACTIVATE";

        @Override
        public String kind() {
            return KIND;
        }
    }

    /** Moves an account to {@code newEmail}, the address the token was mailed to. */
    public record ChangeEmail(EmailAddress newEmail) implements Purpose {
        public static final String KIND = "CHANGE_EMAIL";

        public ChangeEmail {
            requireNonNull(newEmail, "newEmail");
        }

        @Override
        public String kind() {
            return KIND;
        }
    }

    public VerificationToken {
        requireNonNull(hash, "hash");
        requireNonNull(account, "account");
        requireNonNull(purpose, "purpose");
        requireNonNull(issuedAt, "issuedAt");
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(usedAt, "usedAt");
        if (!expiresAt.isAfter(issuedAt)) {
            throw new IllegalArgumentException("a token expires after it is issued");
        }
        if (usedAt.isPresent() && usedAt.get().isBefore(issuedAt)) {
            throw new IllegalArgumentException("a token is used after it is issued");
        }
    }

    /** A new, unused token, valid for {@link #LIFETIME}. */
    public static VerificationToken issue(SecretHash hash, AccountId account, Purpose purpose, Instant now) {
        return new VerificationToken(hash, account, purpose, now, now.plus(LIFETIME), Optional.empty());
    }

    /**
     * Redeems the token for {@code account} (the account it was issued to, as stored now) and returns the account
     * as the token leaves it: activated, or at its new address.
     *
     * @throws RuleViolationException {@code account.verification.token_used} or {@code .token_expired}
     */
    public Redeemed redeem(Account holder, Instant now) {
        requireNonNull(holder, "holder");
        if (!holder.id().equals(account)) {
            throw new IllegalArgumentException("token of " + account + " redeemed for " + holder.id());
        }
        if (usedAt.isPresent()) {
            throw rejected("account.verification.token_used",
                    "This verification token has already been used; each token works once");
        }
        if (!now.isBefore(expiresAt)) {
            throw rejected("account.verification.token_expired",
                    "This verification token has expired; ask for a new one (POST /v1/accounts/verify/resend)");
        }
        Account changed = purpose instanceof ChangeEmail change
                ? holder.withVerifiedEmail(change.newEmail())
                : holder.activate();
        return new Redeemed(new VerificationToken(hash, account, purpose, issuedAt, expiresAt, Optional.of(now)),
                holder, changed);
    }

    /** A redeemed token, the account before and the account after. */
    public record Redeemed(VerificationToken token, Account before, Account after) {
        public Redeemed {
            requireNonNull(token, "token");
            requireNonNull(before, "before");
            requireNonNull(after, "after");
        }
    }

    /** The answer for a token nobody issued (or one gone with its account): as precise as the others. */
    public static RuleViolationException unknown() {
        return rejected("account.verification.token_invalid",
                "This verification token is not known; check that it was copied whole, or ask for a new one");
    }

    private static RuleViolationException rejected(String code, String message) {
        return new RuleViolationException("token", code, message);
    }
}
