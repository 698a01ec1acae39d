package dev.almanac.application.calendar;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.shared.Cursor;
import dev.almanac.application.shared.Page;
import dev.almanac.application.shared.PageLimit;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.CalendarPermission;
import dev.almanac.domain.shared.TimeZones;
import dev.almanac.domain.shared.Violations;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/** Calendar use cases. Orchestration only: the rules live in {@link Calendar}. */
final class CalendarService implements CreateCalendarUseCase, GetCalendarUseCase, ListCalendarsUseCase,
        UpdateCalendarUseCase, DeleteCalendarUseCase {

    private final CalendarRepository calendars;
    private final IdGenerator ids;
    private final Clock clock;

    CalendarService(CalendarRepository calendars, IdGenerator ids, Clock clock) {
        this.calendars = requireNonNull(calendars, "calendars");
        this.ids = requireNonNull(ids, "ids");
        this.clock = requireNonNull(clock, "clock");
    }

    @Override
    public Calendar create(CreateCalendarUseCase.Command command) {
        var violations = new Violations();
        violations.check(() -> Calendar.checkName(command.name()));
        command.description().ifPresent(d -> violations.check(() -> Calendar.checkDescription(d)));
        ZoneId zone = violations.check(() -> zone(command.timeZone()));
        violations.throwIfAny("The calendar cannot be created as given");
        var calendar = Calendar.create(new CalendarId(ids.next()), command.actor(), command.name(),
                command.description().orElse(""), zone, clock.instant());
        calendars.add(calendar);
        return calendar;
    }

    @Override
    public Calendar get(AccountId actor, CalendarId id) {
        var calendar = calendars.byId(id).orElseThrow(() -> Calendar.notFound(id));
        calendar.require(actor, CalendarPermission.READ);
        return calendar;
    }

    @Override
    public Page<Calendar> list(ListCalendarsUseCase.Query query) {
        var limit = PageLimit.of(query.limit());
        String scope = "calendars|" + query.actor();
        Optional<Cursor> after = query.cursor().map(token -> Cursor.decode(token, scope));
        return Page.ofOneMore(calendars.ownedBy(query.actor(), after, limit.value() + 1), limit,
                calendar -> new Cursor(calendar.createdAt(), calendar.id().value()), scope);
    }

    @Override
    public Calendar update(UpdateCalendarUseCase.Command command) {
        var violations = new Violations();
        command.name().ifPresent(n -> violations.check(() -> Calendar.checkName(n)));
        command.description().ifPresent(d -> violations.check(() -> Calendar.checkDescription(d)));
        var zone = command.timeZone().map(z -> violations.check(() -> zone(z)));
        violations.throwIfAny("The calendar cannot be changed as given");
        // Authorize before the versioned write, so a stranger never learns of the calendar from a stale version.
        calendars.byId(command.id()).orElseThrow(() -> Calendar.notFound(command.id()))
                .require(command.actor(), CalendarPermission.MANAGE);
        return calendars.update(command.id(), command.expectedVersion(), current -> {
            current.require(command.actor(), CalendarPermission.MANAGE);
            return current.revise(command.name().orElse(null), command.description().orElse(null),
                    zone.orElse(null), clock.instant());
        });
    }

    private static ZoneId zone(String id) {
        return TimeZones.iana(id, "timeZone", "calendar.time_zone");
    }

    @Override
    public void delete(DeleteCalendarUseCase.Command command) {
        var calendar = calendars.byId(command.id()).orElseThrow(() -> Calendar.notFound(command.id()));
        calendar.require(command.actor(), CalendarPermission.MANAGE);
        calendars.delete(command.id(), command.expectedVersion());
    }
}
