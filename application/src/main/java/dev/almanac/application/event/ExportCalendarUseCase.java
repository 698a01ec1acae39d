package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.EventId;
import java.util.List;
import java.util.Map;

/**
 * Everything a calendar holds, for an iCalendar export: every single event and every series with its overrides
 * (a single event is a {@link Series} without overrides), in start order of their first occurrence.
 */
public interface ExportCalendarUseCase {

    /** The most events (singles and series) one export holds; beyond it the export is refused. */
    int MAX_EVENTS = 20_000;

    /**
     * @throws dev.almanac.domain.shared.NotFoundException      {@code calendar.not_found}
     * @throws dev.almanac.domain.shared.RuleViolationException {@code calendar.export.too_large} beyond
     *                                                          {@value #MAX_EVENTS} events
     */
    Export export(AccountId actor, CalendarId calendarId);

    /** @param icalUids the UIDs imported events came under, by event; the others export as {@code <id>@almanac} */
    record Export(Calendar calendar, List<Series> events, Map<EventId, String> icalUids) {
        public Export {
            requireNonNull(calendar, "calendar");
            events = List.copyOf(events);
            icalUids = Map.copyOf(icalUids);
        }
    }
}
