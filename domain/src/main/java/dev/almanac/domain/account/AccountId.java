package dev.almanac.domain.account;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** Identifies an account. */
public record AccountId(UUID value) {
    public AccountId {
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
