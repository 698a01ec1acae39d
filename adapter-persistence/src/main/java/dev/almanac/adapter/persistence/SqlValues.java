package dev.almanac.adapter.persistence;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The few conversions between Java values and SQL values that every repository needs, written once.
 *
 * <p>Instants are bound as {@link OffsetDateTime} in UTC, which the driver sends as {@code timestamptz}, so no
 * JVM default time zone takes part in reading or writing (binding a {@code java.sql.Timestamp} would involve it).
 */
final class SqlValues {
    private SqlValues() {
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        if (value == null) {
            throw new IllegalStateException("column " + column + " is null");
        }
        return value.toInstant();
    }

    /**
     * A LIKE pattern that matches any text containing {@code text} literally: the wildcards {@code %} and
     * {@code _} and the escape character {@code \} in it lose their special meaning. Use with
     * {@code like :pattern escape '\'}.
     */
    static String containsPattern(String text) {
        StringBuilder pattern = new StringBuilder(text.length() + 8).append('%');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '%' || c == '_' || c == '\\') {
                pattern.append('\\');
            }
            pattern.append(c);
        }
        return pattern.append('%').toString();
    }
}
