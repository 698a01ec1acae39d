package dev.almanac.application.calendar;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;

/** Reads one calendar the actor may see. */
public interface GetCalendarUseCase {

    /** @throws dev.almanac.domain.shared.NotFoundException {@code calendar.not_found}, also when not the actor's */
    Calendar get(AccountId actor, CalendarId id);
}
