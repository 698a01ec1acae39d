package dev.almanac.application.calendar;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.shared.Page;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import java.util.Optional;
import java.util.OptionalInt;

/** Lists the actor's own calendars, oldest first, a page at a time. */
public interface ListCalendarsUseCase {

    Page<Calendar> list(Query query);

    /**
     * @param limit  1..500, default 100
     * @param cursor the {@code nextCursor} of the previous page
     */
    record Query(AccountId actor, OptionalInt limit, Optional<String> cursor) {
        public Query {
            requireNonNull(actor, "actor");
            requireNonNull(limit, "limit");
            requireNonNull(cursor, "cursor");
        }
    }
}
