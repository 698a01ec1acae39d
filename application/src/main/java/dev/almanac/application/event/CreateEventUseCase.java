package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventStatus;
import java.util.List;
import java.util.Optional;

/**
 * Schedules an event in a calendar the actor may write to; with {@code recurrence} (RFC 5545 content lines, read in
 * the start's zone) it is a series.
 */
public interface CreateEventUseCase {

    /**
     * @throws dev.almanac.domain.shared.NotFoundException      {@code calendar.not_found}
     * @throws dev.almanac.domain.shared.RuleViolationException for a bad title, time, status, ...
     */
    Event create(Command command);

    record Command(AccountId actor, CalendarId calendarId, String title, Optional<String> description,
                   Optional<String> location, TimeInput start, TimeInput end, Optional<EventStatus> status,
                   List<String> recurrence) {
        /** A single event: no recurrence. */
        public Command(AccountId actor, CalendarId calendarId, String title, Optional<String> description,
                       Optional<String> location, TimeInput start, TimeInput end, Optional<EventStatus> status) {
            this(actor, calendarId, title, description, location, start, end, status, List.of());
        }

        public Command {
            recurrence = List.copyOf(recurrence);
            requireNonNull(actor, "actor");
            requireNonNull(calendarId, "calendarId");
            requireNonNull(title, "title");
            requireNonNull(description, "description");
            requireNonNull(location, "location");
            requireNonNull(start, "start");
            requireNonNull(end, "end");
            requireNonNull(status, "status");
        }
    }
}
