package dev.almanac.application.calendar;

import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.IdGenerator;
import java.time.Clock;

/** The calendar use cases, wired to their ports. */
public record CalendarUseCases(CreateCalendarUseCase create, GetCalendarUseCase get, ListCalendarsUseCase list,
                               UpdateCalendarUseCase update, DeleteCalendarUseCase delete) {

    public static CalendarUseCases wire(CalendarRepository calendars, IdGenerator ids, Clock clock) {
        var service = new CalendarService(calendars, ids, clock);
        return new CalendarUseCases(service, service, service, service, service);
    }
}
