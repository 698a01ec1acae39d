package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import java.util.OptionalLong;

/** Moves an event to another status: tentative, confirmed or cancelled. */
public interface ChangeEventStatusUseCase {

    /** @throws dev.almanac.domain.shared.RuleViolationException {@code event.status.illegal_transition} */
    Event changeStatus(Command command);

    record Command(AccountId actor, CalendarId calendarId, EventId eventId, OptionalLong expectedVersion,
                   EventStatus target) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(calendarId, "calendarId");
            requireNonNull(eventId, "eventId");
            requireNonNull(expectedVersion, "expectedVersion");
            requireNonNull(target, "target");
        }
    }
}
