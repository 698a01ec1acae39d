package dev.almanac.application.shared;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.zip.CRC32;

/**
 * The position after which a keyset-paginated list continues: an instant and an id, the two sort keys of every
 * list Almanac serves. On the wire it is opaque (base64url of a versioned text), so the format may change
 * without breaking clients that treat it as a token.
 *
 * <p>A cursor is bound to the list it came from: {@link #encode(String)} stamps it with a fingerprint of the
 * list's scope (which list, whose, which window and filter), and {@link #decode(String, String)} refuses a cursor
 * whose fingerprint does not match, so a cursor cannot be replayed against another calendar or window by mistake.
 * It is not a secret: forging one only pages through data the caller may read anyway.
 */
public record Cursor(Instant at, UUID id) {
    private static final String VERSION = "c2";
    private static final Instant EARLIEST = Instant.parse("0000-01-01T00:00:00Z");
    private static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");

    /** The opaque token for this position in the list described by {@code scope}. */
    public String encode(String scope) {
        String plain = VERSION + "|" + at.getEpochSecond() + "|" + at.getNano() + "|" + id + "|" + fingerprint(scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
    }

    /**
     * Reads a cursor a client sent back for the list described by {@code scope}.
     *
     * @throws RuleViolationException {@code page.cursor.invalid} for anything this service did not hand out for
     *                                that very list
     */
    public static Cursor decode(String token, String scope) {
        try {
            if (token.isEmpty() || token.length() > 200) {
                throw invalid();
            }
            String plain = new String(Base64.getUrlDecoder().decode(token), UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 5 || !VERSION.equals(parts[0]) || !fingerprint(scope).equals(parts[4])) {
                throw invalid();
            }
            return new Cursor(instant(parts[1], parts[2]), UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw invalid();
        }
    }

    /**
     * An instant read back from a cursor: nanoseconds within a second and the instant within the years events can
     * hold, so a forged cursor never reaches the store with an impossible value.
     *
     * @throws RuleViolationException {@code page.cursor.invalid}
     */
    public static Instant instant(String epochSeconds, String nanos) {
        long n = Long.parseLong(nanos);
        if (n < 0 || n > 999_999_999) {
            throw invalid();
        }
        Instant at = Instant.ofEpochSecond(Long.parseLong(epochSeconds), n);
        if (at.isBefore(EARLIEST) || at.isAfter(LATEST)) {
            throw invalid();
        }
        return at;
    }

    /** A short fingerprint of a list's scope, stamped into its cursors. */
    public static String fingerprint(String scope) {
        var crc = new CRC32();
        crc.update(scope.getBytes(UTF_8));
        return Long.toHexString(crc.getValue());
    }

    /** The one answer to a cursor this service did not hand out for this list. */
    public static RuleViolationException invalid() {
        return new RuleViolationException("cursor", "page.cursor.invalid",
                "cursor is not one this service handed out for this list; start again without it");
    }
}
