package dev.almanac.domain.apikey;

/**
 * Where a key stands at a moment. A key moves from {@link #ACTIVE} to {@link #EXPIRED} by time alone and to
 * {@link #REVOKED} by its owner; neither move is ever undone, so only an active key authenticates.
 */
public enum ApiKeyStatus {
    ACTIVE, EXPIRED, REVOKED;

    /** The wire name, e.g. {@code active}. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
