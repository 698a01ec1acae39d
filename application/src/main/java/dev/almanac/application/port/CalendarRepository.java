package dev.almanac.application.port;

import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.StaleVersionException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.UnaryOperator;

/** Where calendars live. */
public interface CalendarRepository {

    void add(Calendar calendar);

    Optional<Calendar> byId(CalendarId id);

    /**
     * Loads, changes and stores one calendar atomically, with optimistic locking. When the calendar's time zone
     * changes, the stored instants of its all-day events are re-derived in the same transaction.
     *
     * @param expectedVersion the version the client last saw (If-Match); when empty, the version just loaded
     * @param change          returns the new state; may throw to refuse (authorization, rules), storing nothing
     * @return the stored calendar at its new version
     * @throws NotFoundException      {@code calendar.not_found}
     * @throws StaleVersionException  when the stored version differs from the expected one
     */
    Calendar update(CalendarId id, OptionalLong expectedVersion, UnaryOperator<Calendar> change);

    /**
     * Deletes a calendar and all of its events in one transaction.
     *
     * @throws NotFoundException     {@code calendar.not_found}
     * @throws StaleVersionException when {@code expectedVersion} is present and differs from the stored one
     */
    void delete(CalendarId id, OptionalLong expectedVersion);

    /**
     * The calendars {@code owner} owns, ordered by creation time then id, starting after {@code after}.
     * Returns at most {@code limit} items.
     */
    List<Calendar> ownedBy(AccountId owner, Optional<Cursor> after, int limit);
}
