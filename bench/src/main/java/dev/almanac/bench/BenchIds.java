package dev.almanac.bench;

import java.time.Instant;
import java.util.UUID;

/**
 * Deterministic ids for the seeded data set, shaped like the service's own UUIDv7 ids (time-ordered, so they
 * land at the right-hand end of the primary-key b-tree as real ones do).
 *
 * <p>{@code of(kind, n)} is {@code <48-bit fixed time>-7<kind>-8000-<n as 12 hex digits>}, so pgbench scripts can
 * rebuild the id of the n-th seeded row from a number ({@code prefix || lpad(to_hex(n), 12, '0')}) and ask for
 * exactly the rows the HTTP scenarios ask for.
 */
final class BenchIds {
    static final int ACCOUNT = 1;
    static final int CALENDAR = 2;
    static final int BUSY_EVENT = 3;
    static final int FILLER_EVENT = 4;
    static final int SERIES = 5;
    static final int SERIES_SINGLE = 6;

    private static final long EPOCH_MILLIS = Instant.parse("2026-01-01T00:00:00Z").toEpochMilli();

    private BenchIds() {
    }

    static UUID of(int kind, long n) {
        if (n < 0 || n >= (1L << 48)) {
            throw new IllegalArgumentException("n out of range: " + n);
        }
        long most = (EPOCH_MILLIS << 16) | 0x7000L | (kind & 0xFFF);
        long least = 0x8000_0000_0000_0000L | n;
        return new UUID(most, least);
    }

    /** The text every id of {@code kind} starts with; the last 12 hex digits are {@code n}. */
    static String prefix(int kind) {
        return of(kind, 0).toString().substring(0, 24);
    }
}
