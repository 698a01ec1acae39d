package dev.almanac.application.fakes;

import dev.almanac.application.port.SigningKeyStore;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** A {@link SigningKeyStore} in memory, held to the same contract as the PostgreSQL one. */
public final class InMemorySigningKeys implements SigningKeyStore {
    private final List<StoredKey> keys = new ArrayList<>();

    @Override
    public synchronized List<StoredKey> all() {
        return keys.stream().sorted(Comparator.comparing(StoredKey::createdAt).thenComparing(StoredKey::kid)).toList();
    }

    @Override
    public synchronized boolean addUnlessCreatedAfter(StoredKey key, Instant createdAfter) {
        if (keys.stream().anyMatch(k -> k.createdAt().isAfter(createdAfter))) {
            return false;
        }
        if (keys.stream().anyMatch(k -> k.kid().equals(key.kid()))) {
            throw new IllegalStateException("key " + key.kid() + " exists");
        }
        keys.add(key);
        return true;
    }

    @Override
    public synchronized void remove(String kid) {
        keys.removeIf(k -> k.kid().equals(kid));
    }
}
