package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.shared.Page;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Lists the events of a calendar that overlap a window {@code [from, to)}: an event that starts before
 * {@code from} and ends after it is included; one that ends exactly at {@code from} is not. Ordered by start,
 * then id, a page at a time.
 */
public interface ListEventsUseCase {

    /** @throws dev.almanac.domain.shared.RuleViolationException for an empty window, bad limit, cursor or filter */
    Page<Event> list(Query query);

    /**
     * @param titleContains case-insensitive substring of the title, 1..200 characters
     * @param limit         1..500, default 100
     * @param cursor        the {@code nextCursor} of the previous page
     */
    record Query(AccountId actor, CalendarId calendarId, Instant from, Instant to, Optional<String> titleContains,
                 OptionalInt limit, Optional<String> cursor) {
        public Query {
            requireNonNull(actor, "actor");
            requireNonNull(calendarId, "calendarId");
            requireNonNull(from, "from");
            requireNonNull(to, "to");
            requireNonNull(titleContains, "titleContains");
            requireNonNull(limit, "limit");
            requireNonNull(cursor, "cursor");
        }
    }
}
