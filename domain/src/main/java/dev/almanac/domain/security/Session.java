package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * One sign-in and the chain of refresh tokens descended from it (a token family, as in OAuth 2.0 Security BCP
 * §4.14 and Ory Hydra). Only the current token's hash is held here; every earlier one is remembered by the store
 * so that presenting it again is recognised as reuse, which revokes the whole family.
 *
 * <p>A session lives at most {@code expiresAt} (an absolute lifetime from sign-in, not extended by refreshes).
 */
public record Session(SessionId id, AccountId account, SecretHash currentToken, Client client, Instant createdAt,
                      Instant lastUsedAt, Instant expiresAt, Optional<Instant> revokedAt) {

    /** How long a sign-in may be kept alive by refreshing. */
    public static final Duration LIFETIME = Duration.ofDays(30);

    public Session {
        requireNonNull(id, "id");
        requireNonNull(account, "account");
        requireNonNull(currentToken, "currentToken");
        requireNonNull(client, "client");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(lastUsedAt, "lastUsedAt");
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(revokedAt, "revokedAt");
        if (lastUsedAt.isBefore(createdAt) || !expiresAt.isAfter(createdAt)) {
            throw new IllegalArgumentException("a session is used after it starts and ends after it starts");
        }
    }

    /** A fresh sign-in whose first refresh token hashes to {@code token}. */
    public static Session start(SessionId id, AccountId account, SecretHash token, Client client, Instant now) {
        return new Session(id, account, token, client, now, now, now.plus(LIFETIME), Optional.empty());
    }

    public boolean isActive(Instant now) {
        return revokedAt.isEmpty() && now.isBefore(expiresAt);
    }

    /**
     * Exchanges the presented refresh token for the next one. The current token rotates; an earlier token of this
     * family means it was stolen or replayed, so the family is revoked; a revoked or expired session refuses.
     */
    public RefreshOutcome refresh(SecretHash presented, SecretHash next, Client from, Instant now) {
        requireNonNull(presented, "presented");
        requireNonNull(next, "next");
        requireNonNull(from, "from");
        requireNonNull(now, "now");
        if (!isActive(now)) {
            return new RefreshOutcome.Refused(this);
        }
        if (!currentToken.matches(presented)) {
            return new RefreshOutcome.ReuseDetected(revoke(now));
        }
        return new RefreshOutcome.Rotated(new Session(id, account, next, from, createdAt, now, expiresAt,
                revokedAt));
    }

    /** Ends the session; its refresh tokens no longer work. Revoking twice keeps the first time. */
    public Session revoke(Instant now) {
        requireNonNull(now, "now");
        if (revokedAt.isPresent()) {
            return this;
        }
        return new Session(id, account, currentToken, client, createdAt, lastUsedAt, expiresAt,
                Optional.of(now.isBefore(createdAt) ? createdAt : now));
    }
}
