package dev.almanac.domain.apikey;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** Identifies an API key. */
public record ApiKeyId(UUID value) {
    public ApiKeyId {
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
