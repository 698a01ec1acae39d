package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.shared.Page;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Lists a calendar's window {@code [from, to)}: single events and the occurrences of series merged in start order
 * (then id, then original start), or, with {@code expand} off, single events and series masters (a master by its
 * first start, included when the series' overall range overlaps the window). One cursor pages across both.
 */
public interface ListWindowUseCase {

    /** @throws dev.almanac.domain.shared.RuleViolationException for an empty window, bad limit, cursor or filter */
    Page<WindowItem> window(Query query);

    record Query(AccountId actor, CalendarId calendarId, Instant from, Instant to, Optional<String> titleContains,
                 OptionalInt limit, Optional<String> cursor, boolean expand) {
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
