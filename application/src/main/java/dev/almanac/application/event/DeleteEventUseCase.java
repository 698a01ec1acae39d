package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.EventId;
import java.util.OptionalLong;

/** Deletes one event. */
public interface DeleteEventUseCase {

    void delete(Command command);

    record Command(AccountId actor, CalendarId calendarId, EventId eventId, OptionalLong expectedVersion) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(calendarId, "calendarId");
            requireNonNull(eventId, "eventId");
            requireNonNull(expectedVersion, "expectedVersion");
        }
    }
}
