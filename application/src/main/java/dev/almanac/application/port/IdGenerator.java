package dev.almanac.application.port;

import java.util.UUID;

/** Hands out new identifiers. Injected so tests can predict them and the core never touches randomness. */
@FunctionalInterface
public interface IdGenerator {
    UUID next();
}
