package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.EventRepository;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.shared.Cursor;
import dev.almanac.application.shared.Page;
import dev.almanac.application.shared.PageLimit;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.CalendarPermission;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventChanges;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.Recurrence;
import dev.almanac.domain.event.TimeSlot;
import dev.almanac.domain.event.TimePoint;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Text;
import dev.almanac.domain.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/** Event use cases. Orchestration only: the rules live in {@link Event} and {@link Calendar}. */
final class EventService implements CreateEventUseCase, GetEventUseCase, UpdateEventUseCase,
        ChangeEventStatusUseCase, DeleteEventUseCase, ListEventsUseCase, ListWindowUseCase {

    static final int TITLE_FILTER_MAX = 200;

    private final CalendarRepository calendars;
    private final EventRepository events;
    private final IdGenerator ids;
    private final Clock clock;

    EventService(CalendarRepository calendars, EventRepository events, IdGenerator ids, Clock clock) {
        this.calendars = requireNonNull(calendars, "calendars");
        this.events = requireNonNull(events, "events");
        this.ids = requireNonNull(ids, "ids");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Event create(CreateEventUseCase.Command command) {
        Calendar calendar = calendar(command.actor(), command.calendarId(), CalendarPermission.WRITE_EVENTS);
        var violations = new Violations();
        TimePoint start = violations.check(() -> command.start().toPoint("start"));
        TimePoint end = violations.check(() -> command.end().toPoint("end"));
        EventTime time = start == null || end == null ? null : violations.check(() -> new EventTime(start, end));
        Recurrence recurrence = start == null ? null
                : violations.check(() -> Recurrence.parse(command.recurrence(), start));
        violations.check(() -> Event.checkTitle(command.title()));
        command.description().ifPresent(d -> violations.check(() -> Event.checkDescription(d)));
        command.location().ifPresent(l -> violations.check(() -> Event.checkLocation(l)));
        violations.throwIfAny("The event cannot be created as given");
        var event = Event.schedule(new EventId(ids.next()), calendar.id(), command.title(),
                command.description().orElse(""), command.location().orElse(""), time, command.status(),
                calendar.timeZone(), clock.instant(), recurrence);
        events.add(event);
        return event;
    }

    @Override
    public Event get(AccountId actor, CalendarId calendarId, EventId eventId) {
        calendar(actor, calendarId, CalendarPermission.READ);
        return events.byId(calendarId, eventId).orElseThrow(() -> Event.notFound(eventId));
    }

    @Override
    public Event update(UpdateEventUseCase.Command command) {
        var violations = new Violations();
        Optional<TimePoint> start = command.start().map(s -> violations.check(() -> s.toPoint("start")));
        Optional<TimePoint> end = command.end().map(e -> violations.check(() -> e.toPoint("end")));
        command.title().ifPresent(t -> violations.check(() -> Event.checkTitle(t)));
        command.description().ifPresent(d -> violations.check(() -> Event.checkDescription(d)));
        command.location().ifPresent(l -> violations.check(() -> Event.checkLocation(l)));
        violations.throwIfAny("The event cannot be changed as given");
        var changes = new EventChanges(command.title(), command.description(), command.location(), start, end,
                command.status());
        // Authorize before the versioned write, so a stranger never learns of the calendar or event from a stale
        // version or an unknown event id; the check inside the change holds it for the write itself.
        calendar(command.actor(), command.calendarId(), CalendarPermission.WRITE_EVENTS);
        return events.update(command.calendarId(), command.eventId(), command.expectedVersion(), (calendar, current) -> {
            calendar.require(command.actor(), CalendarPermission.WRITE_EVENTS);
            Event revised = current.revise(changes, calendar.timeZone(), clock.instant());
            if (command.recurrence().isEmpty()) {
                return revised;
            }
            return revised.recurring(Recurrence.parse(command.recurrence().get(), revised.time().start()),
                    clock.instant());
        });
    }

    @Override
    public Event changeStatus(ChangeEventStatusUseCase.Command command) {
        calendar(command.actor(), command.calendarId(), CalendarPermission.WRITE_EVENTS);
        return events.update(command.calendarId(), command.eventId(), command.expectedVersion(), (calendar, current) -> {
            calendar.require(command.actor(), CalendarPermission.WRITE_EVENTS);
            return current.moveTo(command.target(), clock.instant());
        });
    }

    @Override
    public void delete(DeleteEventUseCase.Command command) {
        calendar(command.actor(), command.calendarId(), CalendarPermission.WRITE_EVENTS);
        events.delete(command.calendarId(), command.eventId(), command.expectedVersion());
    }

    @Override
    public Page<Event> list(ListEventsUseCase.Query query) {
        var checked = checkWindow(query.from(), query.to(), query.limit(), query.titleContains());
        var limit = checked.limit();
        Optional<String> filter = checked.filter();
        String scope = "events|" + query.calendarId() + "|" + query.from() + "|" + query.to() + "|"
                + filter.orElse("");
        Optional<Cursor> after = query.cursor().map(token -> Cursor.decode(token, scope));
        calendar(query.actor(), query.calendarId(), CalendarPermission.READ);
        List<Event> found = events.window(query.calendarId(), query.from(), query.to(), filter, after,
                limit.value() + 1);
        if (found.size() <= limit.value()) {
            return new Page<>(found, Optional.empty());
        }
        List<Event> page = found.subList(0, limit.value());
        TimeSlot lastSlot = page.get(page.size() - 1).slot();
        return new Page<>(page, Optional.of(new Cursor(lastSlot.start(), page.get(page.size() - 1).id().value())
                .encode(scope)));
    }

    @Override
    public Page<WindowItem> window(ListWindowUseCase.Query query) {
        var checked = checkWindow(query.from(), query.to(), query.limit(), query.titleContains());
        var limit = checked.limit();
        Optional<String> filter = checked.filter();
        String scope = "window|" + query.calendarId() + "|" + query.from() + "|" + query.to() + "|"
                + filter.orElse("") + "|" + query.expand();
        Optional<WindowCursor> after = query.cursor().map(token -> WindowCursor.decode(token, scope));
        calendar(query.actor(), query.calendarId(), CalendarPermission.READ);
        int wanted = limit.value() + 1;
        List<WindowItem> items = new ArrayList<>();
        events.window(query.calendarId(), query.from(), query.to(), filter, after.map(WindowCursor::asEventCursor),
                wanted).forEach(e -> items.add(new WindowItem.Single(e)));
        for (Event series : events.seriesOverlapping(query.calendarId(), query.from(), query.to(), filter)) {
            if (!query.expand()) {
                WindowItem master = new WindowItem.Master(series);
                if (after.map(a -> a.isBefore(master)).orElse(true)) {
                    items.add(master);
                }
                continue;
            }
            int taken = 0;
            for (var it = series.occurrences(query.from(), query.to()); it.hasNext() && taken < wanted; ) {
                WindowItem instance = new WindowItem.Instance(it.next());
                if (after.map(a -> a.isBefore(instance)).orElse(true)) {
                    items.add(instance);
                    taken++;
                }
            }
        }
        items.sort(WindowItem.ORDER);
        if (items.size() <= limit.value()) {
            return new Page<>(items, Optional.empty());
        }
        List<WindowItem> page = items.subList(0, limit.value());
        return new Page<>(page, Optional.of(page.get(page.size() - 1).cursor().encode(scope)));
    }

    /** A window's bounds, page size and title filter, checked together so every mistake is reported at once. */
    private static CheckedWindow checkWindow(Instant from, Instant to, OptionalInt requestedLimit,
                                             Optional<String> titleContains) {
        var violations = new Violations();
        violations.check(() -> Window.bound(from, "from"));
        violations.check(() -> Window.bound(to, "to"));
        if (!from.isBefore(to)) {
            violations.check(() -> {
                throw new RuleViolationException("to", "window.empty", "to must be after from");
            });
        }
        PageLimit limit = violations.check(() -> PageLimit.of(requestedLimit));
        Optional<String> filter = titleContains.map(Text::trim).filter(q -> !q.isEmpty());
        filter.ifPresent(q -> violations.check(() -> Text.label(q, TITLE_FILTER_MAX, "q", "window.filter")));
        violations.throwIfAny("The window cannot be listed as given");
        return new CheckedWindow(limit, filter);
    }

    private record CheckedWindow(PageLimit limit, Optional<String> filter) {
    }

    private Calendar calendar(AccountId actor, CalendarId id, CalendarPermission permission) {
        Calendar calendar = calendars.byId(id).orElseThrow(() -> Calendar.notFound(id));
        calendar.require(actor, permission);
        return calendar;
    }
}
