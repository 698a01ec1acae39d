package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

import java.util.UUID;

/** Identifies a session: one sign-in and every refresh token descended from it (a token family). */
public record SessionId(UUID value) {
    public SessionId {
        requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
