package dev.almanac.domain.shared;

/**
 * Optimistic locking failed: the caller worked from version {@code expected}, but someone else changed the
 * resource since. Retrying after a fresh read is always safe.
 */
public final class StaleVersionException extends ConflictException {
    private static final long serialVersionUID = 1L;

    private final long expected;

    public StaleVersionException(String resource, long expected) {
        super(resource + ".version_mismatch",
                "The " + resource + " was changed by someone else (you had version " + expected + "); read it again");
        this.expected = expected;
    }

    public long expected() {
        return expected;
    }
}
