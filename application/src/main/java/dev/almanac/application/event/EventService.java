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
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.Occurrence;
import dev.almanac.domain.event.OccurrenceId;
import dev.almanac.domain.event.OccurrenceOverride;
import dev.almanac.domain.event.Recurrence;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.SeriesEdit;
import dev.almanac.domain.event.TimePoint;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.StaleVersionException;
import dev.almanac.domain.shared.Text;
import dev.almanac.domain.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/** Event use cases. Orchestration only: the rules live in {@link Event} and {@link Calendar}. */
final class EventService implements CreateEventUseCase, GetEventUseCase, UpdateEventUseCase,
        ChangeEventStatusUseCase, DeleteEventUseCase, ListWindowUseCase, OccurrenceUseCase,
        ExportCalendarUseCase, ImportCalendarUseCase {

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
        // No separate read of the calendar: the permission check and the calendar's zone come from the calendar
        // the repository builds the event from, and the event is stored only while the calendar is still so
        // (this builder may run again if it changed).
        return events.add(command.calendarId(), calendar -> {
            calendar.require(command.actor(), CalendarPermission.WRITE_EVENTS);
            var violations = new Violations();
            TimePoint start = violations.check(() -> command.start().toPoint("start"));
            TimePoint end = violations.check(() -> command.end().toPoint("end"));
            EventTime time = start == null || end == null ? null
                    : violations.check(() -> new EventTime(start, end));
            Recurrence recurrence = start == null ? null
                    : violations.check(() -> Recurrence.parse(command.recurrence(), start));
            violations.check(() -> Event.checkTitle(command.title()));
            command.description().ifPresent(d -> violations.check(() -> Event.checkDescription(d)));
            command.location().ifPresent(l -> violations.check(() -> Event.checkLocation(l)));
            violations.throwIfAny("The event cannot be created as given");
            return Event.schedule(new EventId(ids.next()), calendar.id(), command.title(),
                    command.description().orElse(""), command.location().orElse(""), time, command.status(),
                    calendar.timeZone(), clock.instant(), recurrence);
        });
    }

    @Override
    public Event get(AccountId actor, CalendarId calendarId, EventId eventId) {
        // The calendar (for the permission check) and the event in one read.
        EventRepository.InCalendar found = events.inCalendar(calendarId, eventId)
                .orElseThrow(() -> Calendar.notFound(calendarId));
        found.calendar().require(actor, CalendarPermission.READ);
        return found.event().orElseThrow(() -> Event.notFound(eventId));
    }

    @Override
    public Event update(UpdateEventUseCase.Command command) {
        return updateReporting(command).series().master();
    }

    /** Goes through the series' edit, so a change of a series' rule or time carries or detaches its overrides. */
    @Override
    public SeriesEdit updateReporting(UpdateEventUseCase.Command command) {
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
        return events.edit(command.calendarId(), command.eventId(), command.expectedVersion(), (calendar, current) -> {
            calendar.require(command.actor(), CalendarPermission.WRITE_EVENTS);
            Event revised = current.master().revise(changes, calendar.timeZone(), clock.instant());
            if (command.recurrence().isPresent()) {
                revised = revised.recurring(Recurrence.parse(command.recurrence().get(), revised.time().start()),
                        clock.instant());
            }
            return current.revise(revised, this::newId, clock.instant());
        });
    }

    @Override
    public Occurrence get(AccountId actor, CalendarId calendarId, OccurrenceId.Parsed id) {
        calendar(actor, calendarId, CalendarPermission.READ);
        Series series = events.seriesById(calendarId, id.seriesId()).filter(s -> s.master().isSeries())
                .orElseThrow(OccurrenceId::notFound);
        return series.occurrence(id.originalStartIn(series.master())).orElseThrow(OccurrenceId::notFound);
    }

    @Override
    public OccurrenceUseCase.Result change(OccurrenceUseCase.Change command) {
        var violations = new Violations();
        Optional<TimePoint> start = command.start().map(s -> violations.check(() -> s.toPoint("start")));
        Optional<TimePoint> end = command.end().map(e -> violations.check(() -> e.toPoint("end")));
        command.title().ifPresent(t -> violations.check(() -> Event.checkTitle(t)));
        command.description().ifPresent(d -> violations.check(() -> Event.checkDescription(d)));
        command.location().ifPresent(l -> violations.check(() -> Event.checkLocation(l)));
        if (command.scope() == EditScope.THIS && command.recurrence().isPresent()) {
            violations.check(() -> {
                throw new RuleViolationException("recurrence", "event.occurrence.recurrence_needs_scope",
                        "recurrence changes with scope following or all, not for one occurrence");
            });
        }
        violations.throwIfAny("The occurrence cannot be changed as given");
        var changes = new EventChanges(command.title(), command.description(), command.location(), start, end,
                command.status());
        calendar(command.actor(), command.calendarId(), CalendarPermission.WRITE_EVENTS);
        EventId seriesId = command.id().seriesId();
        SeriesEdit edit = events.edit(command.calendarId(), seriesId, command.expectedVersion(), (calendar, current) -> {
            calendar.require(command.actor(), CalendarPermission.WRITE_EVENTS);
            TimePoint original = originalStart(current, command.id());
            Instant now = clock.instant();
            return switch (command.scope()) {
                case THIS -> SeriesEdit.of(current.changeOccurrence(original, changes, now));
                case FOLLOWING -> current.split(original, changes, recurrence(command.recurrence(), current, original,
                        start), newId(), this::newId, now);
                case ALL -> current.reviseThrough(original, changes, recurrence(command.recurrence(), current,
                        original, start), this::newId, now);
            };
        });
        if (command.scope() != EditScope.THIS) {
            return new OccurrenceUseCase.Result(edit, Optional.empty());
        }
        TimePoint original = command.id().originalStartIn(edit.series().master());
        return new OccurrenceUseCase.Result(edit, edit.series().occurrence(original));
    }

    @Override
    public Optional<SeriesEdit> remove(OccurrenceUseCase.Removal command) {
        Calendar writable = calendar(command.actor(), command.calendarId(), CalendarPermission.WRITE_EVENTS);
        EventId seriesId = command.id().seriesId();
        Series found = events.seriesById(writable.id(), seriesId).filter(s -> s.master().isSeries())
                .orElseThrow(OccurrenceId::notFound);
        TimePoint first = originalStart(found, command.id());
        if (command.scope() == EditScope.ALL
                || (command.scope() == EditScope.FOLLOWING && found.isFirst(first))) {
            events.delete(command.calendarId(), seriesId, command.expectedVersion());
            return Optional.empty();
        }
        return Optional.of(events.edit(command.calendarId(), seriesId, command.expectedVersion(),
                (calendar, current) -> {
                    calendar.require(command.actor(), CalendarPermission.WRITE_EVENTS);
                    TimePoint original = originalStart(current, command.id());
                    if (command.scope() == EditScope.THIS) {
                        return SeriesEdit.of(current.removeOccurrence(original, clock.instant()));
                    }
                    if (current.isFirst(original)) {
                        // The series changed under us so that this is now its first occurrence: a lost race.
                        throw new StaleVersionException("event", current.master().version());
                    }
                    return SeriesEdit.of(current.truncated(original, clock.instant()));
                }));
    }

    /** Pages through the single events and reads every series with its overrides; bounded by MAX_EVENTS. */
    @Override
    public ExportCalendarUseCase.Export export(AccountId actor, CalendarId calendarId) {
        Calendar calendar = calendar(actor, calendarId, CalendarPermission.READ);
        List<Series> out = new ArrayList<>();
        List<Event> masters = events.seriesOverlapping(calendarId, Window.EARLIEST, Window.LATEST, Optional.empty());
        checkExportSize(masters.size());
        Map<EventId, List<OccurrenceOverride>> overrides =
                events.overridesOf(calendarId, masters.stream().map(Event::id).toList());
        masters.forEach(m -> out.add(Series.rehydrate(m, overrides.getOrDefault(m.id(), List.of()))));
        Optional<Cursor> after = Optional.empty();
        while (true) {
            List<Event> page = events.window(calendarId, Window.EARLIEST, Window.LATEST, Optional.empty(), after,
                    PageLimit.MAX);
            page.forEach(e -> out.add(Series.rehydrate(e, List.of())));
            checkExportSize(out.size());
            if (page.size() < PageLimit.MAX) {
                break;
            }
            Event last = page.get(page.size() - 1);
            after = Optional.of(new Cursor(last.slot().start(), last.id().value()));
        }
        out.sort(java.util.Comparator.comparing((Series s) -> s.master().slot().start())
                .thenComparing(s -> s.id().value(), WindowItem.UUID_ORDER));
        return new ExportCalendarUseCase.Export(calendar, out, events.icalUids(calendarId));
    }

    @Override
    public ImportCalendarUseCase.Report importAll(AccountId actor, CalendarId calendarId,
                                                  List<ImportCalendarUseCase.Draft> drafts) {
        Calendar calendar = calendar(actor, calendarId, CalendarPermission.WRITE_EVENTS);
        if (drafts.size() > ImportCalendarUseCase.MAX_COMPONENTS) {
            throw new RuleViolationException("body", "import.too_many_components",
                    "An import may hold at most " + ImportCalendarUseCase.MAX_COMPONENTS + " events");
        }
        List<ImportCalendarUseCase.Outcome> outcomes = new ArrayList<>();
        for (ImportCalendarUseCase.Draft draft : drafts) {
            try {
                outcomes.add(importOne(calendar, draft));
            } catch (dev.almanac.domain.shared.DomainException e) {
                String reason = e instanceof RuleViolationException v && !v.violations().isEmpty()
                        ? v.violations().get(0).field() + ": " + v.violations().get(0).message() : e.getMessage();
                outcomes.add(new ImportCalendarUseCase.Outcome(draft.uid(), "skipped", Optional.empty(),
                        Optional.of(e.code() + " (" + reason + ")"), draft.notes()));
            }
        }
        return new ImportCalendarUseCase.Report(outcomes);
    }

    /**
     * One component, in one transaction: created whole (with its overrides and UID) or not at all, or updated by
     * one series edit. Whatever the domain refuses throws before anything is stored.
     */
    private ImportCalendarUseCase.Outcome importOne(Calendar calendar, ImportCalendarUseCase.Draft draft) {
        checkUid(draft.uid());
        Instant now = clock.instant();
        TimePoint start = draft.start().toPoint("start");
        TimePoint end = draft.end().toPoint("end");
        EventTime time = new EventTime(start, end);
        Recurrence recurrence = Recurrence.parse(draft.recurrence(), start);
        List<OccurrenceOverride> overrides = new ArrayList<>();
        for (ImportCalendarUseCase.OverrideDraft o : draft.overrides()) {
            TimePoint original = o.originalStart().toPoint("originalStart");
            if (original instanceof TimePoint.Wall w && start instanceof TimePoint.Wall s && !w.zone().equals(s.zone())) {
                original = new TimePoint.Wall(w.zoned().withZoneSameInstant(s.zone()).toLocalDateTime(), s.zone());
            }
            overrides.add(new OccurrenceOverride(original, o.title(), o.description(), o.location(),
                    new EventTime(o.start().toPoint("start"), o.end().toPoint("end")), o.status()));
        }
        Optional<Series> existing = draft.ownId().flatMap(own -> events.seriesById(calendar.id(), own))
                .or(() -> events.seriesById(calendar.id(), draft.id()));
        if (existing.isEmpty()) {
            EventStatus status = draft.status().orElse(EventStatus.CONFIRMED);
            Event created = Event.schedule(draft.id(), calendar.id(), draft.title(), draft.description(),
                    draft.location(), time, Optional.of(status == EventStatus.CANCELLED ? EventStatus.CONFIRMED
                            : status), calendar.timeZone(), now, recurrence);
            events.addImported(Series.of(created.moveTo(status, now), overrides), draft.uid());
            return new ImportCalendarUseCase.Outcome(draft.uid(), "created", Optional.of(draft.id()),
                    Optional.empty(), draft.notes());
        }
        EventId id = existing.get().id();
        SeriesEdit edit = events.edit(calendar.id(), id, OptionalLong.empty(), (c, current) -> {
            Event master = current.master();
            var changes = new EventChanges(Optional.of(draft.title()), Optional.of(draft.description()),
                    Optional.of(draft.location()), Optional.of(start), Optional.of(end), draft.status());
            Event revised = master.revise(changes, c.timeZone(), now);
            if (!revised.recurrence().equals(recurrence)) {
                revised = revised.recurring(recurrence, now);
            }
            Series next = Series.of(revised, overrides);
            if (next.master().equals(master) && next.overrides().equals(current.overrides())) {
                return SeriesEdit.of(current);
            }
            return SeriesEdit.of(next.master().equals(master) ? Series.of(master.touchedForImport(now), overrides)
                    : next);
        });
        boolean changed = edit.series().master().version() != existing.get().master().version();
        return new ImportCalendarUseCase.Outcome(draft.uid(), changed ? "updated" : "unchanged",
                Optional.of(id), Optional.empty(), draft.notes());
    }

    /** A UID is kept and exported again as it came: 1..1000 characters, none of them a control character. */
    private static void checkUid(String uid) {
        if (uid.isEmpty() || uid.length() > ImportCalendarUseCase.UID_MAX
                || uid.chars().anyMatch(Character::isISOControl)) {
            throw new RuleViolationException("uid", "import.uid_invalid", "a UID has 1 to "
                    + ImportCalendarUseCase.UID_MAX + " characters and no control characters");
        }
    }

    private static void checkExportSize(int size) {
        if (size > ExportCalendarUseCase.MAX_EVENTS) {
            throw new RuleViolationException("calendarId", "calendar.export.too_large",
                    "A calendar exports at most " + ExportCalendarUseCase.MAX_EVENTS + " events");
        }
    }

    private static TimePoint originalStart(Series series, OccurrenceId.Parsed id) {
        if (!series.master().isSeries()) {
            throw OccurrenceId.notFound();
        }
        TimePoint original = id.originalStartIn(series.master());
        series.occurrence(original).orElseThrow(OccurrenceId::notFound);
        return original;
    }

    private static Optional<Recurrence> recurrence(Optional<List<String>> lines, Series series, TimePoint original,
                                                   Optional<TimePoint> newStart) {
        return lines.map(l -> Recurrence.parse(l, newStart.orElseGet(
                () -> series.occurrence(original).orElseThrow(OccurrenceId::notFound).time().start())));
    }

    private EventId newId() {
        return new EventId(ids.next());
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
    public Page<WindowItem> window(ListWindowUseCase.Query query) {
        var checked = checkWindow(query.from(), query.to(), query.limit(), query.titleContains());
        var limit = checked.limit();
        Optional<String> filter = checked.filter();
        String scope = "window|" + query.calendarId() + "|" + query.from() + "|" + query.to() + "|"
                + filter.orElse("") + "|" + query.expand();
        Optional<WindowCursor> after = query.cursor().map(token -> WindowCursor.decode(token, scope));
        int wanted = limit.value() + 1;
        // The calendar (for the permission check), its single events and its series masters in one read.
        EventRepository.WindowContents contents = events.windowOf(query.calendarId(), query.from(), query.to(),
                filter, after.map(WindowCursor::asEventCursor), wanted)
                .orElseThrow(() -> Calendar.notFound(query.calendarId()));
        contents.calendar().require(query.actor(), CalendarPermission.READ);
        // Only the first `wanted` items in window order matter; each series is expanded only as far as an
        // occurrence of it could still be among them.
        FirstItems first = new FirstItems(wanted);
        contents.singles().forEach(e -> first.offer(new WindowItem.Single(e)));
        for (Series withOverrides : contents.series()) {
            if (!query.expand()) {
                WindowItem.Master master = new WindowItem.Master(withOverrides.master());
                if (titled(master.event().title(), filter) && after.map(a -> a.isBefore(master)).orElse(true)) {
                    first.offer(master);
                }
                continue;
            }
            withOverrides.occurrences(query.from(), query.to(), o -> titled(o.title(), filter)
                            && after.map(a -> a.isBefore(new WindowItem.Instance(o))).orElse(true), wanted,
                    first.latestStart())
                    .forEach(o -> first.offer(new WindowItem.Instance(o)));
        }
        List<WindowItem> items = first.inOrder();
        if (items.size() <= limit.value()) {
            return new Page<>(items, Optional.empty());
        }
        List<WindowItem> page = items.subList(0, limit.value());
        return new Page<>(page, Optional.of(page.get(page.size() - 1).cursor().encode(scope)));
    }

    /**
     * Whether a title passes the title filter: it contains the filter, ignoring case as the repository's filter
     * does. The repository finds a series by its own title or an override's; each occurrence or master is then
     * shown under the title it has, so an occurrence an override renamed is found by its new title only.
     */
    private static boolean titled(String title, Optional<String> filter) {
        return filter.map(f -> title.toLowerCase(Locale.ROOT).contains(f.toLowerCase(Locale.ROOT))).orElse(true);
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
