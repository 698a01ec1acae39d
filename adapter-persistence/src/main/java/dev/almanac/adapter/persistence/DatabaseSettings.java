package dev.almanac.adapter.persistence;

import static java.util.Objects.requireNonNull;

/**
 * Where the PostgreSQL database is and how to sign in to it.
 *
 * @param jdbcUrl     e.g. {@code jdbc:postgresql://localhost:5432/almanac}
 * @param password    may be empty (trust or peer authentication); never printed
 * @param maxPoolSize the most connections the pool opens, at least 1
 * @param rememberLiveSessions whether sessions found alive are remembered between requests, kept honest by one
 *                             more connection that listens for sessions that end (ADR 0028); off, every
 *                             authenticated request asks the database
 */
public record DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize,
                               boolean rememberLiveSessions) {
    public DatabaseSettings {
        requireNonNull(jdbcUrl, "jdbcUrl");
        requireNonNull(user, "user");
        requireNonNull(password, "password");
        if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("jdbcUrl must start with jdbc:postgresql:");
        }
        if (maxPoolSize < 1) {
            throw new IllegalArgumentException("maxPoolSize must be at least 1");
        }
    }

    /** Settings that remember live sessions. */
    public DatabaseSettings(String jdbcUrl, String user, String password, int maxPoolSize) {
        this(jdbcUrl, user, password, maxPoolSize, true);
    }

    /** The same settings, remembering live sessions or not. */
    public DatabaseSettings withRememberLiveSessions(boolean remember) {
        return new DatabaseSettings(jdbcUrl, user, password, maxPoolSize, remember);
    }

    @Override
    public String toString() {
        return "DatabaseSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password="
                + (password.isEmpty() ? "(none)" : "(redacted)") + ", maxPoolSize=" + maxPoolSize
                + ", rememberLiveSessions=" + rememberLiveSessions + "]";
    }
}
