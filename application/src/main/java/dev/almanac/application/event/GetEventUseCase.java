package dev.almanac.application.event;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;

/** Reads one event of a calendar the actor may see. */
public interface GetEventUseCase {

    /** @throws dev.almanac.domain.shared.NotFoundException {@code calendar.not_found} or {@code event.not_found} */
    Event get(AccountId actor, CalendarId calendarId, EventId eventId);
}
