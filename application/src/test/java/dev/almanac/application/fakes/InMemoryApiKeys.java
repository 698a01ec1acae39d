package dev.almanac.application.fakes;

import dev.almanac.application.port.ApiKeyRepository;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** An {@link ApiKeyRepository} in memory, held to the same contract as the PostgreSQL one. */
public final class InMemoryApiKeys implements ApiKeyRepository {
    private final InMemoryStore store;

    InMemoryApiKeys(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(ApiKey key, int limit) {
        synchronized (store) {
            if (!store.accounts.containsKey(key.account())) {
                throw new IllegalStateException("no account " + key.account());
            }
            if (store.apiKeys.containsKey(key.id()) || bySecretHash(key.secretHash()).isPresent()) {
                throw new IllegalStateException("API key " + key.id() + " or its secret exists");
            }
            if (unrevoked(key.account()).size() >= limit) {
                throw ApiKey.limitReached(limit);
            }
            store.apiKeys.put(key.id(), key);
        }
    }

    @Override
    public Optional<ApiKey> byId(ApiKeyId id) {
        synchronized (store) {
            return Optional.ofNullable(store.apiKeys.get(id));
        }
    }

    @Override
    public Optional<ApiKey> bySecretHash(SecretHash hash) {
        synchronized (store) {
            return store.apiKeys.values().stream().filter(k -> k.secretHash().equals(hash)).findFirst();
        }
    }

    @Override
    public List<ApiKey> unrevoked(AccountId account) {
        synchronized (store) {
            return store.apiKeys.values().stream()
                    .filter(k -> k.account().equals(account) && k.revokedAt().isEmpty())
                    .sorted(Comparator.comparing(ApiKey::createdAt)
                            .thenComparing(k -> k.id().value(), InMemoryStore.UUID_ORDER).reversed())
                    .toList();
        }
    }

    @Override
    public Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change) {
        ApiKey read = byId(id).orElse(null);
        if (read == null) {
            return Optional.empty();
        }
        ApiKey changed = change.apply(read);
        synchronized (store) {
            ApiKey current = store.apiKeys.get(id);
            if (current == null) {
                return Optional.empty();
            }
            if (current.version() != read.version()) {
                throw new StaleVersionException("api_key", read.version());
            }
            if (changed.equals(read)) {
                return Optional.of(current);
            }
            if (!changed.id().equals(id) || changed.version() != read.version() + 1) {
                throw new IllegalStateException("a change keeps the id and moves the version on by one");
            }
            ApiKey stored = withLastUse(changed, current);
            store.apiKeys.put(id, stored);
            return Optional.of(stored);
        }
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        synchronized (store) {
            ApiKey current = store.apiKeys.get(id);
            if (current != null && current.lastUsedAt().map(at::isAfter).orElse(true)) {
                store.apiKeys.put(id, new ApiKey(current.id(), current.account(), current.name(), current.prefix(),
                        current.secretHash(), current.scopes(), current.createdAt(), current.expiresAt(),
                        Optional.of(at), current.revokedAt(), current.version()));
            }
        }
    }

    /** Use recorded since the change was read is kept, as the SQL update leaves {@code last_used_at} alone. */
    private static ApiKey withLastUse(ApiKey changed, ApiKey current) {
        return new ApiKey(changed.id(), changed.account(), changed.name(), changed.prefix(), changed.secretHash(),
                changed.scopes(), changed.createdAt(), changed.expiresAt(), current.lastUsedAt(),
                changed.revokedAt(), changed.version());
    }
}
