package dev.almanac.application.contract;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.EventRepository;

/** The three repositories of one store, as a contract test receives them: empty, and seeing the same data. */
public record Repositories(AccountRepository accounts, CalendarRepository calendars, EventRepository events) {
}
