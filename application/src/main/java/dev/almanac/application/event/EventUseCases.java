package dev.almanac.application.event;

import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.EventRepository;
import dev.almanac.application.port.IdGenerator;
import java.time.Clock;

/** The event use cases, wired to their ports. */
public record EventUseCases(CreateEventUseCase create, GetEventUseCase get, UpdateEventUseCase update,
                            ChangeEventStatusUseCase changeStatus, DeleteEventUseCase delete,
                            ListWindowUseCase window, OccurrenceUseCase occurrences,
                            ExportCalendarUseCase export, ImportCalendarUseCase importer) {

    public static EventUseCases wire(CalendarRepository calendars, EventRepository events, IdGenerator ids,
                                     Clock clock) {
        var service = new EventService(calendars, events, ids, clock);
        return new EventUseCases(service, service, service, service, service, service, service, service,
                service);
    }
}
