package dev.almanac.application.event;

import static java.nio.charset.StandardCharsets.UTF_8;

import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a window page continues: start instant, id, and the original start of an occurrence (empty for events).
 * Opaque on the wire (base64url of a versioned text), and bound to its list by a fingerprint of the list's scope,
 * like {@link Cursor}.
 */
record WindowCursor(Instant at, UUID id, String key) {
    private static final String VERSION = "w2";

    String encode(String scope) {
        String plain = VERSION + "|" + at.getEpochSecond() + "|" + at.getNano() + "|" + id + "|" + key + "|"
                + Cursor.fingerprint(scope);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(UTF_8));
    }

    /** The part of the position the store's keyset understands (events have no key). */
    Cursor asEventCursor() {
        return new Cursor(at, id);
    }

    boolean isBefore(WindowItem item) {
        int byTime = item.start().compareTo(at);
        if (byTime != 0) {
            return byTime > 0;
        }
        int byId = WindowItem.UUID_ORDER.compare(item.id(), id);
        if (byId != 0) {
            return byId > 0;
        }
        return item.key().compareTo(key) > 0;
    }

    /** @throws RuleViolationException {@code page.cursor.invalid} for anything this service did not hand out */
    static WindowCursor decode(String token, String scope) {
        try {
            if (token.isEmpty() || token.length() > 200) {
                throw Cursor.invalid();
            }
            String plain = new String(Base64.getUrlDecoder().decode(token), UTF_8);
            String[] parts = plain.split("\\|", -1);
            if (parts.length != 6 || !VERSION.equals(parts[0]) || !parts[4].matches("[0-9T]{0,15}")
                    || !Cursor.fingerprint(scope).equals(parts[5])) {
                throw Cursor.invalid();
            }
            return new WindowCursor(Cursor.instant(parts[1], parts[2]), UUID.fromString(parts[3]), parts[4]);
        } catch (IllegalArgumentException | DateTimeException | ArithmeticException e) {
            throw Cursor.invalid();
        }
    }
}
