package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Changes parts of an event; absent parts stay as they are. A present status follows the status moves. A present
 * {@code recurrence} replaces the event's (an empty list makes it a single event again).
 */
public interface UpdateEventUseCase {

    /**
     * @throws dev.almanac.domain.shared.NotFoundException      {@code calendar.not_found} or {@code event.not_found}
     * @throws dev.almanac.domain.shared.StaleVersionException  when {@code expectedVersion} is stale
     * @throws dev.almanac.domain.shared.RuleViolationException for bad values or an illegal status move
     */
    Event update(Command command);

    /**
     * The same as {@link #update}, reporting what became of the series' overrides: a change of the rule or of the
     * master's time carries each override to its new occurrence or detaches it as a standalone event.
     */
    dev.almanac.domain.event.SeriesEdit updateReporting(Command command);

    record Command(AccountId actor, CalendarId calendarId, EventId eventId, OptionalLong expectedVersion,
                   Optional<String> title, Optional<String> description, Optional<String> location,
                   Optional<TimeInput> start, Optional<TimeInput> end, Optional<EventStatus> status,
                   Optional<List<String>> recurrence) {
        /** A change that leaves the recurrence as it is. */
        public Command(AccountId actor, CalendarId calendarId, EventId eventId, OptionalLong expectedVersion,
                       Optional<String> title, Optional<String> description, Optional<String> location,
                       Optional<TimeInput> start, Optional<TimeInput> end, Optional<EventStatus> status) {
            this(actor, calendarId, eventId, expectedVersion, title, description, location, start, end, status,
                    Optional.empty());
        }

        public Command {
            requireNonNull(recurrence, "recurrence");
            requireNonNull(actor, "actor");
            requireNonNull(calendarId, "calendarId");
            requireNonNull(eventId, "eventId");
            requireNonNull(expectedVersion, "expectedVersion");
            requireNonNull(title, "title");
            requireNonNull(description, "description");
            requireNonNull(location, "location");
            requireNonNull(start, "start");
            requireNonNull(end, "end");
            requireNonNull(status, "status");
        }
    }
}
