package dev.almanac.domain.apikey;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * A long-lived credential an account makes for a program: it acts as the account, but only within its
 * {@link Scopes}, and never for managing the account itself. Only the hash of its secret is held.
 *
 * <p>The canonical constructor rehydrates a stored key (it checks structure only); {@link #issue} makes a new
 * one and also checks the rules of the moment (an expiry in the future, at most {@link #MAX_LIFETIME} away).
 *
 * @param expiresAt  empty for a key that lives until it is revoked
 * @param lastUsedAt when it last authenticated a request, to within {@link #USE_RECORDING_INTERVAL}
 * @param version    incremented by every change its owner makes (not by use), for optimistic locking
 */
public record ApiKey(ApiKeyId id, AccountId account, ApiKeyName name, String prefix, SecretHash secretHash,
                     Scopes scopes, Instant createdAt, Optional<Instant> expiresAt, Optional<Instant> lastUsedAt,
                     Optional<Instant> revokedAt, long version) {

    /** The furthest ahead a key's expiry may be set. */
    public static final Duration MAX_LIFETIME = Duration.ofDays(365);
    /** Use is recorded at most this often per key, so authenticating stays a read. */
    public static final Duration USE_RECORDING_INTERVAL = Duration.ofMinutes(1);
    /** The most keys an account may hold that are not revoked (expired ones count until revoked). */
    public static final int MAX_PER_ACCOUNT = 100;

    public ApiKey {
        requireNonNull(id, "id");
        requireNonNull(account, "account");
        requireNonNull(name, "name");
        requireNonNull(prefix, "prefix");
        requireNonNull(secretHash, "secretHash");
        requireNonNull(scopes, "scopes");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(lastUsedAt, "lastUsedAt");
        requireNonNull(revokedAt, "revokedAt");
        if (!ApiKeySecret.isPrefix(prefix)) {
            throw new IllegalArgumentException("an API key prefix is alm_ and 8 hex digits");
        }
        if (expiresAt.isPresent() && !expiresAt.get().isAfter(createdAt)) {
            throw new IllegalArgumentException("a key expires after it is created");
        }
        if (lastUsedAt.isPresent() && lastUsedAt.get().isBefore(createdAt)
                || revokedAt.isPresent() && revokedAt.get().isBefore(createdAt)) {
            throw new IllegalArgumentException("a key is used and revoked after it is created");
        }
        if (version < 1) {
            throw new IllegalArgumentException("a key's version starts at 1");
        }
    }

    /**
     * A new key, active at once.
     *
     * @throws RuleViolationException {@code api_key.expires_at.not_in_future} or {@code api_key.expires_at.too_far}
     */
    public static ApiKey issue(ApiKeyId id, AccountId account, ApiKeyName name, SecretHash secretHash,
                               Scopes scopes, Optional<Instant> expiresAt, Instant now) {
        requireNonNull(expiresAt, "expiresAt");
        requireNonNull(now, "now");
        expiresAt.ifPresent(at -> checkExpiry(at, now));
        return new ApiKey(id, account, name, ApiKeySecret.prefixFor(id), secretHash, scopes, now, expiresAt,
                Optional.empty(), Optional.empty(), 1);
    }

    /** The rules for a new key's expiry, on their own so a request can be checked before anything is made. */
    public static void checkExpiry(Instant expiresAt, Instant now) {
        if (!expiresAt.isAfter(now)) {
            throw new RuleViolationException("expiresAt", "api_key.expires_at.not_in_future",
                    "expiresAt must be in the future");
        }
        if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
            throw new RuleViolationException("expiresAt", "api_key.expires_at.too_far",
                    "expiresAt must be at most " + MAX_LIFETIME.toDays() + " days ahead");
        }
    }

    public ApiKeyStatus status(Instant now) {
        if (revokedAt.isPresent()) {
            return ApiKeyStatus.REVOKED;
        }
        if (expiresAt.isPresent() && !now.isBefore(expiresAt.get())) {
            return ApiKeyStatus.EXPIRED;
        }
        return ApiKeyStatus.ACTIVE;
    }

    /** Whether this key's secret hashes to {@code presented}, compared in constant time. */
    public boolean matches(SecretHash presented) {
        return secretHash.matches(presented);
    }

    /** What a store answers when an account that holds {@code limit} unrevoked keys asks for another. */
    public static ConflictException limitReached(int limit) {
        return new ConflictException("api_key.limit_reached", "An account may hold at most " + limit
                + " API keys that are not revoked; revoke one first");
    }

    /** @throws ScopeMissingException unless the key was granted {@code needed} */
    public void require(Scope needed) {
        if (!scopes.contains(needed)) {
            throw new ScopeMissingException(needed);
        }
    }

    /** Whether a use at {@code now} should be recorded: never used, or last recorded an interval ago or more. */
    public boolean shouldRecordUse(Instant now) {
        return lastUsedAt.isEmpty() || !now.isBefore(lastUsedAt.get().plus(USE_RECORDING_INTERVAL));
    }

    /** Ends the key; it no longer authenticates. Revoking twice keeps the first time. */
    public ApiKey revoke(Instant now) {
        requireNonNull(now, "now");
        if (revokedAt.isPresent()) {
            return this;
        }
        return new ApiKey(id, account, name, prefix, secretHash, scopes, createdAt, expiresAt, lastUsedAt,
                Optional.of(now.isBefore(createdAt) ? createdAt : now), version + 1);
    }
}
