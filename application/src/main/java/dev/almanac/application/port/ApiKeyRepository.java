package dev.almanac.application.port;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** Where API keys live, by id and by the hash of their secret. Each method is one transaction. */
public interface ApiKeyRepository {

    /**
     * Stores a new key, unless its account already holds {@code limit} keys that are not revoked; counted and
     * inserted atomically, so racing creations cannot pass the limit together.
     *
     * @throws ConflictException {@code api_key.limit_reached}
     */
    void add(ApiKey key, int limit);

    Optional<ApiKey> byId(ApiKeyId id);

    /** The key whose secret hashes to {@code hash}, revoked and expired ones included. */
    Optional<ApiKey> bySecretHash(SecretHash hash);

    /** The account's keys that are not revoked (expired ones included), newest first. */
    List<ApiKey> unrevoked(AccountId account);

    /**
     * Changes one key: reads it, applies {@code change} and writes the result back only if nobody changed the key
     * in between (its version); empty when there is no such key.
     *
     * @throws StaleVersionException {@code api_key.version_mismatch} when another change came first
     */
    Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change);

    /**
     * Notes that the key authenticated a request at {@code at}. Never moves the time back, and does not change
     * the version: use is bookkeeping, not a change by the owner, so it never makes a revocation fail.
     */
    void recordUse(ApiKeyId id, Instant at);
}
