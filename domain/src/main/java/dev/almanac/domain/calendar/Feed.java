package dev.almanac.domain.calendar;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.UUID;

/**
 * A read-only subscription address of a calendar (webcal). Whoever holds its token may read the calendar's
 * iCalendar file, and nothing else; only a hash of the token is kept, so a copy of the store reveals no address.
 *
 * @param tokenHash the hex SHA-256 of the token, 64 characters
 */
public record Feed(UUID id, CalendarId calendarId, String tokenHash, Instant createdAt) {
    public Feed {
        requireNonNull(id, "id");
        requireNonNull(calendarId, "calendarId");
        requireNonNull(tokenHash, "tokenHash");
        requireNonNull(createdAt, "createdAt");
        if (!tokenHash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("tokenHash must be a hex SHA-256");
        }
    }

    public static NotFoundException notFound() {
        return new NotFoundException("feed.not_found", "No feed of this calendar has this id");
    }
}
