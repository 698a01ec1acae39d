package dev.almanac.application.port;

/** Makes unguessable feed tokens and hashes them for storage (randomness stays out of the core). */
public interface FeedTokens {

    /** A new token: at least 128 random bits, URL-safe. */
    String issue();

    /** The hex SHA-256 of a token, as feeds store it. */
    String hash(String token);
}
