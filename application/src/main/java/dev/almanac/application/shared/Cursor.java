package dev.almanac.application.shared;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * The position after which a keyset-paginated list continues: an instant and an id, the two sort keys of every
 * list Almanac serves. On the wire it is opaque (base64url of a versioned text), so the format may change
 * without breaking clients that treat it as a token.
 */
public record Cursor(Instant at, UUID id) {
    private static final String VERSION = "c1";

    public String encode() {
        String plain = VERSION + "|" + at.getEpochSecond() + "|" + at.getNano() + "|" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
    }

    /**
     * Reads a cursor a client sent back.
     *
     * @throws RuleViolationException {@code page.cursor.invalid} for anything this service did not hand out
     */
    public static Cursor decode(String token) {
        try {
            if (token.length() > 200) {
                throw invalid();
            }
            String plain = new String(Base64.getUrlDecoder().decode(token), UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 4 || !VERSION.equals(parts[0])) {
                throw invalid();
            }
            return new Cursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])),
                    UUID.fromString(parts[3]));
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw invalid();
        }
    }

    private static RuleViolationException invalid() {
        return new RuleViolationException("cursor", "page.cursor.invalid",
                "cursor is not one this service handed out; start again without it");
    }
}
