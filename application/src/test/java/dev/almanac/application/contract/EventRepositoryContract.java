package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.BERLIN;
import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.account;
import static dev.almanac.application.contract.ContractFixtures.allDay;
import static dev.almanac.application.contract.ContractFixtures.at;
import static dev.almanac.application.contract.ContractFixtures.calendar;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static dev.almanac.application.contract.ContractFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.event.WindowItem;
import dev.almanac.application.port.EventRepository;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventChanges;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.TimePoint;
import dev.almanac.domain.shared.DomainException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventRepository} does, run against the in-memory fake and against PostgreSQL. */
public abstract class EventRepositoryContract {
    private static final Instant MARCH = at("2026-03-01T00:00:00Z");
    private static final Instant APRIL = at("2026-04-01T00:00:00Z");

    /** A new, empty store for each test. */
    protected abstract Repositories freshRepositories();

    private CalendarRepository calendars;
    private EventRepository events;
    private Calendar work;
    private Calendar home;

    @BeforeEach
    void emptyStoreWithTwoCalendars() {
        Repositories store = freshRepositories();
        calendars = store.calendars();
        events = store.events();
        Account owner = account("owner@example.org");
        store.accounts().add(owner);
        work = calendar(owner.id(), "Work", BERLIN, NOW);
        home = calendar(owner.id(), "Home", BERLIN, NOW);
        calendars.add(work);
        calendars.add(home);
    }

    private Event added(Event event) {
        events.add(event);
        return event;
    }

    private List<String> window(Instant from, Instant to) {
        return titles(events.window(work.id(), from, to, Optional.empty(), Optional.empty(), 100));
    }

    private List<String> titled(String filter) {
        return titles(events.window(work.id(), MARCH, APRIL, Optional.of(filter), Optional.empty(), 100));
    }

    // --- add and find ---

    @Test
    void an_added_timed_event_is_found_in_its_calendar_with_every_field() {
        EventTime time = EventTime.timed(
                new TimePoint.Wall(LocalDateTime.parse("2026-03-10T09:00"), BERLIN),
                new TimePoint.Wall(LocalDateTime.parse("2026-03-10T10:30"), ZoneId.of("America/New_York")));
        Event flight = Event.schedule(new EventId(newId()), work.id(), "Flight", "Seat 12A\nWindow",
                "Terminal 1", time, Optional.of(EventStatus.TENTATIVE), BERLIN, NOW);
        events.add(flight);

        Event found = events.byId(work.id(), flight.id()).orElseThrow();

        assertThat(found).isEqualTo(flight);
        assertThat(found.version()).isZero();
        assertThat(found.slot().start()).isEqualTo(at("2026-03-10T08:00:00Z"));
        assertThat(found.slot().end()).isEqualTo(at("2026-03-10T14:30:00Z"));
    }

    @Test
    void an_added_all_day_event_is_found_anchored_in_its_calendar_zone() {
        Event holiday = added(allDay(work, "Holiday", "2026-03-10", "2026-03-12"));

        Event found = events.byId(work.id(), holiday.id()).orElseThrow();

        assertThat(found).isEqualTo(holiday);
        assertThat(found.time().isAllDay()).isTrue();
        assertThat(found.slot().start()).isEqualTo(at("2026-03-09T23:00:00Z"));
        assertThat(found.slot().end()).isEqualTo(at("2026-03-11T23:00:00Z"));
    }

    @Test
    void an_event_is_invisible_through_another_calendar() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));

        assertThat(events.byId(home.id(), standup.id())).isEmpty();
        assertThat(events.byId(new CalendarId(newId()), standup.id())).isEmpty();
        assertThat(events.byId(work.id(), new EventId(newId()))).isEmpty();
    }

    @Test
    void adding_an_event_to_an_unknown_calendar_is_not_found() {
        Calendar gone = calendar(work.owner(), "Gone", BERLIN, NOW);

        assertThatThrownBy(() -> events.add(timed(gone, "Lost", "2026-03-10T09:00", "2026-03-10T10:00")))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
    }

    // --- schedule against the calendar, and read with it ---

    @Test
    void scheduling_builds_the_event_from_the_calendar_and_stores_it_at_version_zero() {
        AtomicReference<Calendar> seen = new AtomicReference<>();

        Event stored = events.add(work.id(), calendar -> {
            seen.set(calendar);
            return allDay(calendar, "Holiday", "2026-03-10", "2026-03-12");
        });

        assertThat(seen.get()).isEqualTo(work);
        assertThat(stored.version()).isZero();
        assertThat(stored.slot().start()).isEqualTo(at("2026-03-09T23:00:00Z"));
        assertThat(events.byId(work.id(), stored.id())).contains(stored);
    }

    @Test
    void scheduling_stores_nothing_when_the_builder_refuses() {
        assertThatThrownBy(() -> events.add(work.id(), calendar -> {
            throw new ForbiddenException("calendar.forbidden", "not yours");
        })).isInstanceOf(ForbiddenException.class);
        assertThat(events.window(work.id(), Instant.parse("0001-01-01T00:00:00Z"),
                Instant.parse("9999-01-01T00:00:00Z"), Optional.empty(), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void scheduling_into_an_unknown_calendar_is_not_found_and_never_asks_the_builder() {
        CalendarId gone = new CalendarId(newId());

        assertThatThrownBy(() -> events.add(gone, calendar -> {
            throw new AssertionError("the builder ran without a calendar");
        })).isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
    }

    @Test
    void scheduling_after_the_calendar_changed_builds_from_the_calendar_as_it_is_now() {
        events.add(work.id(), calendar -> allDay(calendar, "Before", "2026-03-10", "2026-03-11"));
        Calendar tokyo = calendars.update(work.id(), OptionalLong.empty(),
                c -> c.revise(c.name(), c.description(), ZoneId.of("Asia/Tokyo"), NOW));
        AtomicReference<Calendar> lastSeen = new AtomicReference<>();

        Event stored = events.add(work.id(), calendar -> {
            lastSeen.set(calendar);
            return allDay(calendar, "After", "2026-03-10", "2026-03-11");
        });

        assertThat(lastSeen.get()).isEqualTo(tokyo);
        assertThat(stored.slot().start()).as("anchored in Tokyo").isEqualTo(at("2026-03-09T15:00:00Z"));
        assertThat(events.byId(work.id(), stored.id())).contains(stored);
    }

    @Test
    void scheduling_into_a_calendar_deleted_since_it_was_last_used_is_not_found_whatever_the_builder_says() {
        events.add(home.id(), calendar -> timed(calendar, "Once", "2026-03-10T09:00", "2026-03-10T10:00"));
        calendars.delete(home.id(), OptionalLong.empty());

        assertThatThrownBy(() -> events.add(home.id(),
                calendar -> timed(calendar, "Again", "2026-03-10T09:00", "2026-03-10T10:00")))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
        assertThatThrownBy(() -> events.add(home.id(), calendar -> {
            throw new ForbiddenException("calendar.forbidden", "not yours");
        })).isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
    }

    @Test
    void scheduling_refuses_an_event_built_for_another_calendar() {
        assertThatThrownBy(() -> events.add(work.id(),
                calendar -> timed(home, "Elsewhere", "2026-03-10T09:00", "2026-03-10T10:00")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(titles(events.window(home.id(), MARCH, APRIL, Optional.empty(), Optional.empty(), 10))).isEmpty();
    }

    @Test
    void an_event_is_read_together_with_its_calendar() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));

        EventRepository.InCalendar found = events.inCalendar(work.id(), standup.id()).orElseThrow();

        assertThat(found.calendar()).isEqualTo(work);
        assertThat(found.event()).contains(standup);
    }

    @Test
    void a_calendar_without_the_event_is_read_alone_and_an_unknown_calendar_not_at_all() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));

        assertThat(events.inCalendar(home.id(), standup.id()))
                .hasValueSatisfying(found -> {
                    assertThat(found.calendar()).isEqualTo(home);
                    assertThat(found.event()).isEmpty();
                });
        assertThat(events.inCalendar(work.id(), new EventId(newId())).orElseThrow().event()).isEmpty();
        assertThat(events.inCalendar(new CalendarId(newId()), standup.id())).isEmpty();
    }

    // --- add in bulk ---

    @Test
    void events_added_in_bulk_are_each_found_in_their_own_calendar_as_one_by_one() {
        Event standup = timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15");
        Event holiday = allDay(home, "Holiday", "2026-03-10", "2026-03-12");
        Event review = timed(work, "Review", "2026-03-11T14:00", "2026-03-11T15:00");

        events.addAll(List.of(standup, holiday, review));

        assertThat(events.byId(work.id(), standup.id())).contains(standup);
        assertThat(events.byId(home.id(), holiday.id())).contains(holiday);
        assertThat(events.byId(home.id(), holiday.id()).orElseThrow().slot().start())
                .isEqualTo(at("2026-03-09T23:00:00Z"));
        assertThat(window(MARCH, APRIL)).containsExactly("Standup", "Review");
    }

    @Test
    void a_bulk_add_with_one_event_in_an_unknown_calendar_stores_none_of_them() {
        Calendar gone = calendar(work.owner(), "Gone", BERLIN, NOW);
        Event standup = timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15");
        Event lost = timed(gone, "Lost", "2026-03-10T09:00", "2026-03-10T10:00");

        assertThatThrownBy(() -> events.addAll(List.of(standup, lost)))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
        assertThat(events.byId(work.id(), standup.id())).isEmpty();
    }

    @Test
    void an_empty_bulk_add_stores_nothing_and_succeeds() {
        events.addAll(List.of());

        assertThat(window(MARCH, APRIL)).isEmpty();
    }

    // --- update ---

    @Test
    void an_update_stores_the_change_and_bumps_the_version() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        EventChanges retitle = new EventChanges(Optional.of("Daily standup"), Optional.of("Bring coffee"),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

        Event changed = events.update(work.id(), standup.id(), OptionalLong.empty(),
                (calendar, current) -> current.revise(retitle, calendar.timeZone(), NOW.plusSeconds(60)));
        Event cancelled = events.update(work.id(), standup.id(), OptionalLong.of(1),
                (calendar, current) -> current.moveTo(EventStatus.CANCELLED, NOW.plusSeconds(120)));

        assertThat(changed.version()).isEqualTo(1);
        assertThat(cancelled.version()).isEqualTo(2);
        assertThat(cancelled.title()).isEqualTo("Daily standup");
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(events.byId(work.id(), standup.id())).contains(cancelled);
    }

    @Test
    void an_update_that_changes_nothing_stores_nothing_and_keeps_the_version() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        EventChanges same = new EventChanges(Optional.of("  Standup "), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(EventStatus.CONFIRMED));

        Event unchanged = events.update(work.id(), standup.id(), OptionalLong.of(0),
                (calendar, current) -> current.revise(same, calendar.timeZone(), NOW.plusSeconds(60)));

        assertThat(unchanged.version()).isZero();
        assertThat(unchanged.updatedAt()).isEqualTo(standup.updatedAt());
        assertThat(events.byId(work.id(), standup.id()).orElseThrow().version()).isZero();
    }

    @Test
    void an_update_that_moves_an_event_moves_it_in_the_window_too() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        EventChanges nextDay = new EventChanges(Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new TimePoint.Wall(LocalDateTime.parse("2026-03-11T09:00"), ZoneId.of("UTC"))),
                Optional.of(new TimePoint.Wall(LocalDateTime.parse("2026-03-11T09:15"), ZoneId.of("UTC"))),
                Optional.empty());

        events.update(work.id(), standup.id(), OptionalLong.empty(),
                (calendar, current) -> current.revise(nextDay, calendar.timeZone(), NOW));

        assertThat(window(at("2026-03-10T00:00:00Z"), at("2026-03-11T00:00:00Z"))).isEmpty();
        assertThat(window(at("2026-03-11T00:00:00Z"), at("2026-03-12T00:00:00Z"))).containsExactly("Standup");
    }

    @Test
    void the_change_sees_the_event_s_calendar() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        AtomicReference<Calendar> seen = new AtomicReference<>();

        events.update(work.id(), standup.id(), OptionalLong.empty(), (calendar, current) -> {
            seen.set(calendar);
            return current;
        });

        assertThat(seen.get()).isEqualTo(work);
    }

    @Test
    void an_update_expecting_a_stale_version_is_refused_and_stores_nothing() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        Event confirmed = events.update(work.id(), standup.id(), OptionalLong.empty(),
                (calendar, current) -> current.moveTo(EventStatus.TENTATIVE, NOW));

        assertThatThrownBy(() -> events.update(work.id(), standup.id(), OptionalLong.of(0),
                (calendar, current) -> current.moveTo(EventStatus.CANCELLED, NOW)))
                .isInstanceOf(StaleVersionException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("event.version_mismatch");
        assertThat(events.byId(work.id(), standup.id())).contains(confirmed);
    }

    @Test
    void an_update_whose_change_throws_stores_nothing() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));

        assertThatThrownBy(() -> events.update(work.id(), standup.id(), OptionalLong.empty(), (calendar, current) -> {
            current.moveTo(EventStatus.CANCELLED, NOW);
            throw new ForbiddenException("calendar.forbidden", "not yours");
        })).isInstanceOf(ForbiddenException.class);

        assertThat(events.byId(work.id(), standup.id())).contains(standup);
    }

    @Test
    void an_update_through_the_wrong_calendar_is_not_found_and_changes_nothing() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));

        assertThatThrownBy(() -> events.update(home.id(), standup.id(), OptionalLong.empty(),
                (calendar, current) -> current.moveTo(EventStatus.CANCELLED, NOW)))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("event.not_found");
        assertThatThrownBy(() -> events.update(new CalendarId(newId()), standup.id(), OptionalLong.empty(),
                (calendar, current) -> current.moveTo(EventStatus.CANCELLED, NOW)))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
        assertThat(events.byId(work.id(), standup.id())).contains(standup);
    }

    // --- delete ---

    @Test
    void a_deleted_event_is_gone() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        Event lunch = added(timed(work, "Lunch", "2026-03-10T12:00", "2026-03-10T13:00"));

        events.delete(work.id(), standup.id(), OptionalLong.of(0));

        assertThat(events.byId(work.id(), standup.id())).isEmpty();
        assertThat(window(MARCH, APRIL)).containsExactly("Lunch");
        assertThat(events.byId(work.id(), lunch.id())).contains(lunch);
    }

    @Test
    void deleting_with_a_stale_expected_version_is_refused_and_keeps_the_event() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        events.update(work.id(), standup.id(), OptionalLong.empty(),
                (calendar, current) -> current.moveTo(EventStatus.TENTATIVE, NOW));

        assertThatThrownBy(() -> events.delete(work.id(), standup.id(), OptionalLong.of(0)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(events.byId(work.id(), standup.id())).isPresent();
    }

    @Test
    void deleting_through_the_wrong_calendar_is_not_found_and_keeps_the_event() {
        Event standup = added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));

        assertThatThrownBy(() -> events.delete(home.id(), standup.id(), OptionalLong.empty()))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("event.not_found");
        assertThat(events.byId(work.id(), standup.id())).isPresent();
    }

    // --- window ---

    @Test
    void the_window_holds_every_event_that_overlaps_it() {
        added(timed(work, "Overnight", "2026-03-09T22:00", "2026-03-10T02:00"));
        added(timed(work, "Inside", "2026-03-10T09:00", "2026-03-10T10:00"));
        added(timed(work, "Covering", "2026-03-09T00:00", "2026-03-12T00:00"));
        added(timed(work, "Late", "2026-03-10T23:30", "2026-03-11T01:00"));
        added(timed(work, "Before", "2026-03-09T10:00", "2026-03-09T11:00"));
        added(timed(work, "After", "2026-03-11T10:00", "2026-03-11T11:00"));

        assertThat(window(at("2026-03-10T00:00:00Z"), at("2026-03-11T00:00:00Z")))
                .containsExactly("Covering", "Overnight", "Inside", "Late");
    }

    @Test
    void events_that_only_touch_the_window_s_edges_are_outside_it() {
        added(timed(work, "Ends at from", "2026-03-09T23:00", "2026-03-10T00:00"));
        added(timed(work, "Starts at to", "2026-03-11T00:00", "2026-03-11T01:00"));
        added(timed(work, "Starts at from", "2026-03-10T00:00", "2026-03-10T00:01"));
        added(timed(work, "Ends at to", "2026-03-10T23:59", "2026-03-11T00:00"));

        assertThat(window(at("2026-03-10T00:00:00Z"), at("2026-03-11T00:00:00Z")))
                .containsExactly("Starts at from", "Ends at to");
    }

    @Test
    void the_window_holds_all_day_events_by_their_span_in_the_calendar_zone() {
        added(allDay(work, "Holiday", "2026-03-10", "2026-03-11"));

        // 10 March in Berlin is [09T23:00Z, 10T23:00Z).
        assertThat(window(at("2026-03-09T22:00:00Z"), at("2026-03-09T23:00:00Z"))).isEmpty();
        assertThat(window(at("2026-03-09T22:00:00Z"), at("2026-03-09T23:00:01Z"))).containsExactly("Holiday");
        assertThat(window(at("2026-03-10T22:59:59Z"), at("2026-03-11T00:00:00Z"))).containsExactly("Holiday");
        assertThat(window(at("2026-03-10T23:00:00Z"), at("2026-03-11T00:00:00Z"))).isEmpty();
    }

    @Test
    void the_window_never_shows_events_of_another_calendar() {
        added(timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        added(timed(home, "Dinner", "2026-03-10T19:00", "2026-03-10T21:00"));

        assertThat(window(MARCH, APRIL)).containsExactly("Standup");
        assertThat(titles(events.window(home.id(), MARCH, APRIL, Optional.empty(), Optional.empty(), 100)))
                .containsExactly("Dinner");
    }

    @Test
    void events_that_start_together_are_ordered_by_id_as_unsigned_bytes() {
        List<String> ids = List.of(
                "00000000-0000-0000-7000-000000000000",
                "00000000-0000-0000-8000-000000000000",
                "80000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff");
        added(timed(work, "Earlier", "2026-03-10T08:00", "2026-03-10T20:00"));
        for (int i = ids.size() - 1; i >= 0; i--) {
            added(timed(new EventId(UUID.fromString(ids.get(i))), work, "E" + i, "2026-03-10T09:00",
                    "2026-03-10T09:0" + (i + 1)));
        }

        assertThat(window(MARCH, APRIL)).containsExactly("Earlier", "E0", "E1", "E2", "E3");
    }

    @Test
    void the_window_pages_with_a_cursor_across_events_that_start_together() {
        added(timed(work, "First", "2026-03-10T08:00", "2026-03-10T09:00"));
        for (int i = 0; i < 5; i++) {
            added(timed(work, "Same" + i, "2026-03-10T09:00", "2026-03-10T10:00"));
        }
        added(timed(work, "Last", "2026-03-10T11:00", "2026-03-10T12:00"));
        List<Event> all = events.window(work.id(), MARCH, APRIL, Optional.empty(), Optional.empty(), 100);
        assertThat(all).hasSize(7);

        List<Event> paged = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<Event> found = events.window(work.id(), MARCH, APRIL, Optional.empty(), after, 2);
            paged.addAll(found);
            if (found.size() < 2) {
                break;
            }
            Event last = found.get(found.size() - 1);
            after = Optional.of(new Cursor(last.slot().start(), last.id().value()));
        }

        assertThat(titles(paged)).containsExactlyElementsOf(titles(all));
    }

    @Test
    void pages_run_in_order_from_the_events_already_running_into_those_starting_inside_the_window() {
        Instant from = at("2026-03-10T00:00:00Z");
        Instant to = at("2026-03-11T00:00:00Z");
        added(timed(work, "Ended", "2026-03-08T00:00", "2026-03-09T00:00"));
        added(timed(work, "Week A", "2026-03-08T00:00", "2026-03-15T00:00"));
        added(timed(work, "Week B", "2026-03-08T00:00", "2026-03-15T00:00"));
        added(timed(work, "Night", "2026-03-09T22:00", "2026-03-10T02:00"));
        added(timed(work, "At from", "2026-03-10T00:00", "2026-03-10T00:30"));
        for (int hour = 9; hour < 14; hour++) {
            added(timed(work, "Hour " + hour, "2026-03-10T%02d:00".formatted(hour), "2026-03-10T%02d:30".formatted(hour)));
        }
        added(timed(work, "At to", "2026-03-11T00:00", "2026-03-11T02:00"));
        List<String> expected = List.of("Week A", "Week B", "Night", "At from", "Hour 9", "Hour 10", "Hour 11",
                "Hour 12", "Hour 13");
        List<String> inOrder = new ArrayList<>(expected.subList(0, 2));
        inOrder.sort(Comparator.comparing(title -> idOf(title, from, to), WindowItem.UUID_ORDER));
        inOrder.addAll(expected.subList(2, expected.size()));

        for (int limit = 1; limit <= 4; limit++) {
            List<Event> paged = new ArrayList<>();
            List<Event> pagedWithCalendar = new ArrayList<>();
            Optional<Cursor> after = Optional.empty();
            for (int page = 0; page < 20; page++) {
                List<Event> found = events.window(work.id(), from, to, Optional.empty(), after, limit);
                pagedWithCalendar.addAll(events.windowOf(work.id(), from, to, Optional.empty(), after, limit)
                        .orElseThrow().singles());
                paged.addAll(found);
                if (found.size() < limit) {
                    break;
                }
                Event last = found.get(found.size() - 1);
                after = Optional.of(new Cursor(last.slot().start(), last.id().value()));
            }

            assertThat(titles(paged)).as("pages of %d", limit).containsExactlyElementsOf(inOrder);
            assertThat(titles(pagedWithCalendar)).as("pages of %d", limit).containsExactlyElementsOf(inOrder);
        }
    }

    private UUID idOf(String title, Instant from, Instant to) {
        return events.window(work.id(), from, to, Optional.of(title), Optional.empty(), 1).get(0).id().value();
    }

    @Test
    void the_title_filter_ignores_case() {
        added(timed(work, "Daily Standup", "2026-03-10T09:00", "2026-03-10T09:15"));
        added(timed(work, "Termin im Ärztehaus", "2026-03-10T11:00", "2026-03-10T12:00"));
        added(timed(work, "Lunch", "2026-03-10T12:00", "2026-03-10T13:00"));

        assertThat(titled("STANDUP")).containsExactly("Daily Standup");
        assertThat(titled("daily s")).containsExactly("Daily Standup");
        assertThat(titled("ärzte")).containsExactly("Termin im Ärztehaus");
        assertThat(titled("ÄRZTE")).containsExactly("Termin im Ärztehaus");
        assertThat(titled("nothing like it")).isEmpty();
    }

    @Test
    void the_title_filter_takes_wildcards_and_backslashes_literally() {
        added(timed(work, "100% done", "2026-03-10T09:00", "2026-03-10T09:15"));
        added(timed(work, "1000 done", "2026-03-10T10:00", "2026-03-10T10:15"));
        added(timed(work, "snake_case review", "2026-03-10T11:00", "2026-03-10T11:15"));
        added(timed(work, "snakeXcase review", "2026-03-10T12:00", "2026-03-10T12:15"));
        added(timed(work, "C:\\temp cleanup", "2026-03-10T13:00", "2026-03-10T13:15"));

        assertThat(titled("%")).containsExactly("100% done");
        assertThat(titled("0% d")).containsExactly("100% done");
        assertThat(titled("_")).containsExactly("snake_case review");
        assertThat(titled("e_c")).containsExactly("snake_case review");
        assertThat(titled("\\")).containsExactly("C:\\temp cleanup");
        assertThat(titled("\\t")).containsExactly("C:\\temp cleanup");
    }

    @Test
    void the_title_filter_combines_with_the_window_and_the_cursor() {
        Event first = added(timed(work, "Review A", "2026-03-10T09:00", "2026-03-10T10:00"));
        added(timed(work, "Lunch", "2026-03-10T10:00", "2026-03-10T11:00"));
        added(timed(work, "Review B", "2026-03-10T11:00", "2026-03-10T12:00"));
        added(timed(work, "Review C", "2026-03-12T11:00", "2026-03-12T12:00"));

        List<Event> found = events.window(work.id(), at("2026-03-10T00:00:00Z"), at("2026-03-11T00:00:00Z"),
                Optional.of("review"), Optional.of(new Cursor(first.slot().start(), first.id().value())), 10);

        assertThat(titles(found)).containsExactly("Review B");
    }

    private static List<String> titles(List<Event> found) {
        return found.stream().map(Event::title).toList();
    }

    private Event series(String title, String start, String end, String... lines) {
        Event single = timed(work, title, start, end);
        return single.recurring(dev.almanac.domain.event.Recurrence.parse(List.of(lines), single.time().start()), NOW);
    }

    @Test
    void a_series_keeps_its_recurrence_and_stays_out_of_the_single_events_window() {
        Event weekly = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15",
                "RRULE:FREQ=WEEKLY;BYDAY=MO,WE", "EXDATE:20260304T090000Z"));
        added(timed(work, "Lunch", "2026-03-02T12:00", "2026-03-02T13:00"));

        assertThat(events.byId(work.id(), weekly.id()).orElseThrow().recurrence()).isEqualTo(weekly.recurrence());
        assertThat(window(MARCH, APRIL)).containsExactly("Lunch");
    }

    @Test
    void a_window_read_at_once_holds_the_calendar_with_what_window_and_series_queries_find() {
        added(series("Endless standup", "2026-01-05T09:00", "2026-01-05T10:00", "RRULE:FREQ=WEEKLY"));
        added(series("Ten weeks", "2026-01-05T09:00", "2026-01-05T10:00", "RRULE:FREQ=WEEKLY;COUNT=10"));
        added(series("Over", "2025-01-06T09:00", "2025-01-06T10:00", "RRULE:FREQ=WEEKLY;UNTIL=20250301T000000Z"));
        for (int day = 2; day <= 27; day++) {
            String date = "2026-03-%02d".formatted(day);
            added(timed(work, (day % 3 == 0 ? "Standup " : "Review ") + day, date + "T09:00", date + "T09:30"));
            added(timed(work, "Lunch " + day, date + "T12:00", date + "T13:00"));
        }
        added(timed(home, "Elsewhere", "2026-03-10T09:00", "2026-03-10T10:00"));
        Instant week = at("2026-03-09T00:00:00Z");
        Instant weekEnd = at("2026-03-16T00:00:00Z");
        Event third = events.window(work.id(), week, weekEnd, Optional.empty(), Optional.empty(), 3).get(2);
        Optional<Cursor> afterThird = Optional.of(new Cursor(third.slot().start(), third.id().value()));

        for (Optional<String> filter : List.of(Optional.<String>empty(), Optional.of("STANDUP"), Optional.of("x%_"))) {
            for (Optional<Cursor> after : List.of(Optional.<Cursor>empty(), afterThird)) {
                for (int limit : new int[] {1, 5, 100}) {
                    EventRepository.WindowContents read = events.windowOf(work.id(), week, weekEnd, filter, after,
                            limit).orElseThrow();

                    assertThat(read.calendar()).isEqualTo(work);
                    assertThat(read.singles()).as("%s %s %d", filter, after, limit)
                            .isEqualTo(events.window(work.id(), week, weekEnd, filter, after, limit));
                    assertThat(read.series()).extracting(Series::master).as("%s %s %d", filter, after, limit)
                            .containsExactlyInAnyOrderElementsOf(
                                    events.seriesOverlapping(work.id(), week, weekEnd, filter));
                }
            }
        }
        assertThat(titles(events.windowOf(work.id(), week, weekEnd, Optional.empty(), Optional.empty(), 100)
                .orElseThrow().series().stream().map(Series::master).toList()))
                .containsExactlyInAnyOrder("Endless standup", "Ten weeks");
    }

    @Test
    void an_empty_window_still_holds_its_calendar_and_an_unknown_calendar_has_no_window() {
        EventRepository.WindowContents empty = events.windowOf(home.id(), MARCH, APRIL, Optional.empty(),
                Optional.empty(), 10).orElseThrow();

        assertThat(empty.calendar()).isEqualTo(home);
        assertThat(empty.singles()).isEmpty();
        assertThat(empty.series()).isEmpty();
        assertThat(events.windowOf(new CalendarId(newId()), MARCH, APRIL, Optional.empty(), Optional.empty(), 10))
                .isEmpty();
    }

    @Test
    void series_are_found_by_their_whole_range_open_or_closed() {
        added(series("Endless", "2026-01-05T09:00", "2026-01-05T10:00", "RRULE:FREQ=WEEKLY"));
        added(series("Ten weeks", "2026-01-05T09:00", "2026-01-05T10:00", "RRULE:FREQ=WEEKLY;COUNT=10"));
        added(series("Over", "2025-01-06T09:00", "2025-01-06T10:00", "RRULE:FREQ=WEEKLY;UNTIL=20250301T000000Z"));
        added(series("Later", "2026-06-01T09:00", "2026-06-01T10:00", "RRULE:FREQ=DAILY"));

        assertThat(titles(events.seriesOverlapping(work.id(), MARCH, APRIL, Optional.empty())))
                .containsExactlyInAnyOrder("Endless", "Ten weeks");
        assertThat(titles(events.seriesOverlapping(work.id(), at("2026-04-01T00:00:00Z"), at("2026-05-01T00:00:00Z"),
                Optional.empty()))).containsExactly("Endless");
        assertThat(titles(events.seriesOverlapping(work.id(), MARCH, APRIL, Optional.of("TEN"))))
                .containsExactly("Ten weeks");
        assertThat(events.seriesOverlapping(home.id(), MARCH, APRIL, Optional.empty())).isEmpty();
    }

    @Test
    void an_update_can_turn_a_single_event_into_a_series_and_back() {
        Event lunch = added(timed(work, "Lunch", "2026-03-02T12:00", "2026-03-02T13:00"));
        events.update(work.id(), lunch.id(), OptionalLong.empty(), (calendar, current) -> current.recurring(
                dev.almanac.domain.event.Recurrence.parse(List.of("RRULE:FREQ=DAILY;COUNT=3"), current.time().start()),
                NOW));
        assertThat(window(MARCH, APRIL)).isEmpty();
        assertThat(titles(events.seriesOverlapping(work.id(), MARCH, APRIL, Optional.empty()))).containsExactly("Lunch");

        events.update(work.id(), lunch.id(), OptionalLong.empty(),
                (calendar, current) -> current.recurring(dev.almanac.domain.event.Recurrence.NONE, NOW));
        assertThat(window(MARCH, APRIL)).containsExactly("Lunch");
    }

    @Test
    void a_window_read_again_shows_each_series_as_it_is_now_after_it_or_its_calendar_changed() {
        Event standup = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15", "RRULE:FREQ=DAILY"));
        Event days = allDay(work, "Off-site", "2026-03-02", "2026-03-03");
        Event offsite = added(days.recurring(dev.almanac.domain.event.Recurrence.parse(
                List.of("RRULE:FREQ=WEEKLY"), days.time().start()), NOW));
        Instant week = at("2026-03-09T00:00:00Z");
        Instant weekEnd = at("2026-03-16T00:00:00Z");
        assertThat(titles(masters(week, weekEnd))).containsExactlyInAnyOrder("Standup", "Off-site");

        events.update(work.id(), standup.id(), OptionalLong.empty(),
                (calendar, current) -> current.revise(retitled("Daily sync"), calendar.timeZone(), NOW));
        assertThat(titles(masters(week, weekEnd))).containsExactlyInAnyOrder("Daily sync", "Off-site");
        events.edit(work.id(), standup.id(), OptionalLong.empty(), (calendar, current) ->
                dev.almanac.domain.event.SeriesEdit.of(
                        current.changeOccurrence(utc("2026-03-10T09:00"), retitled("Retro"), NOW)));
        assertThat(seriesIn(week, weekEnd)).filteredOn(s -> s.id().equals(standup.id())).singleElement()
                .satisfies(s -> assertThat(s.overrides()).extracting(o -> o.title()).containsExactly("Retro"));
        events.edit(work.id(), standup.id(), OptionalLong.empty(), (calendar, current) ->
                dev.almanac.domain.event.SeriesEdit.of(current.removeOccurrence(utc("2026-03-10T09:00"), NOW)));
        assertThat(seriesIn(week, weekEnd)).filteredOn(s -> s.id().equals(standup.id())).singleElement()
                .satisfies(s -> assertThat(s.overrides()).isEmpty());
        calendars.update(work.id(), OptionalLong.empty(),
                c -> c.revise(c.name(), c.description(), ZoneId.of("Asia/Tokyo"), NOW));

        List<Event> now = masters(week, weekEnd);
        assertThat(titles(now)).containsExactlyInAnyOrder("Daily sync", "Off-site");
        assertThat(now).filteredOn(e -> e.id().equals(offsite.id())).singleElement()
                .satisfies(e -> assertThat(e.anchorZone()).isEqualTo(ZoneId.of("Asia/Tokyo")))
                .satisfies(e -> assertThat(e.slot().start()).isEqualTo(at("2026-03-01T15:00:00Z")));
    }

    private List<Series> seriesIn(Instant from, Instant to) {
        return events.windowOf(work.id(), from, to, Optional.empty(), Optional.empty(), 100).orElseThrow().series();
    }

    private List<Event> masters(Instant from, Instant to) {
        return seriesIn(from, to).stream().map(Series::master).toList();
    }

    private static dev.almanac.domain.event.TimePoint.Wall utc(String local) { // the fixtures write timed events in UTC
        return new TimePoint.Wall(LocalDateTime.parse(local), ZoneId.of("UTC"));
    }

    private static EventChanges retitled(String title) {
        return new EventChanges(Optional.of(title), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    @org.junit.jupiter.api.Nested
    class Overrides {
        @Test
        void an_override_is_stored_with_its_series_under_a_new_version() {
            Event weekly = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15",
                    "RRULE:FREQ=WEEKLY;COUNT=5"));
            var edit = events.edit(work.id(), weekly.id(), OptionalLong.of(0), (calendar, current) ->
                    dev.almanac.domain.event.SeriesEdit.of(
                            current.changeOccurrence(utc("2026-03-09T09:00"), retitled("Retro"), NOW)));
            assertThat(edit.series().master().version()).isEqualTo(1);

            var stored = events.seriesById(work.id(), weekly.id()).orElseThrow();
            assertThat(stored.master().version()).isEqualTo(1);
            assertThat(stored.overrides()).singleElement().satisfies(o -> {
                assertThat(o.title()).isEqualTo("Retro");
                assertThat(o.originalStart()).isEqualTo(utc("2026-03-09T09:00"));
            });
            assertThat(events.overridesOf(work.id(), List.of(weekly.id())).get(weekly.id())).hasSize(1);
            assertThat(events.overridesOf(home.id(), List.of(weekly.id()))).isEmpty();
        }

        @Test
        void the_title_filter_finds_a_series_by_an_overrides_own_title_too() {
            Event weekly = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15",
                    "RRULE:FREQ=WEEKLY;COUNT=5"));
            added(series("Lunch", "2026-03-02T12:00", "2026-03-02T13:00", "RRULE:FREQ=WEEKLY;COUNT=5"));
            events.edit(work.id(), weekly.id(), OptionalLong.empty(), (calendar, current) ->
                    dev.almanac.domain.event.SeriesEdit.of(
                            current.changeOccurrence(utc("2026-03-09T09:00"), retitled("Sprint RETRO"), NOW)));

            assertThat(titles(events.seriesOverlapping(work.id(), MARCH, APRIL, Optional.of("retro"))))
                    .containsExactly("Standup");
            assertThat(titles(events.seriesOverlapping(work.id(), MARCH, APRIL, Optional.of("standup"))))
                    .containsExactly("Standup");
            assertThat(events.seriesOverlapping(work.id(), MARCH, APRIL, Optional.of("review"))).isEmpty();
        }

        @Test
        void an_imported_series_is_stored_with_its_overrides_and_its_uid_at_once() {
            Event weekly = series("Standup", "2026-03-02T09:00", "2026-03-02T09:15", "RRULE:FREQ=WEEKLY;COUNT=5");
            var imported = dev.almanac.domain.event.Series.rehydrate(weekly, List.of())
                    .changeOccurrence(utc("2026-03-09T09:00"), retitled("Retro"), NOW);

            events.addImported(imported, "abc@example.com");

            var stored = events.seriesById(work.id(), weekly.id()).orElseThrow();
            assertThat(stored.master().version()).isZero();
            assertThat(stored.overrides()).extracting(o -> o.title()).containsExactly("Retro");
            assertThat(events.icalUids(work.id())).containsExactly(Map.entry(weekly.id(), "abc@example.com"));
            assertThat(events.icalUids(home.id())).isEmpty();
        }

        @Test
        void an_import_into_a_missing_calendar_stores_nothing() {
            Event lost = timed(ContractFixtures.calendar(work.owner(), "Never stored", BERLIN, NOW), "Lost",
                    "2026-03-02T09:00", "2026-03-02T10:00");

            assertThatThrownBy(() -> events.addImported(dev.almanac.domain.event.Series.rehydrate(lost, List.of()),
                    "lost@example.com")).isInstanceOf(dev.almanac.domain.shared.NotFoundException.class);
            assertThat(events.icalUids(lost.calendarId())).isEmpty();
        }

        @Test
        void an_edit_that_changes_nothing_keeps_the_version() {
            Event weekly = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15", "RRULE:FREQ=WEEKLY"));
            var edit = events.edit(work.id(), weekly.id(), OptionalLong.empty(),
                    (calendar, current) -> dev.almanac.domain.event.SeriesEdit.of(current));
            assertThat(edit.series().master().version()).isZero();
        }

        @Test
        void a_stale_version_stores_nothing() {
            Event weekly = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15", "RRULE:FREQ=WEEKLY"));
            assertThatThrownBy(() -> events.edit(work.id(), weekly.id(), OptionalLong.of(3), (calendar, current) ->
                    dev.almanac.domain.event.SeriesEdit.of(
                            current.changeOccurrence(utc("2026-03-09T09:00"), retitled("Retro"), NOW))))
                    .isInstanceOf(StaleVersionException.class);
            assertThat(events.seriesById(work.id(), weekly.id()).orElseThrow().overrides()).isEmpty();
        }

        @Test
        void a_split_stores_the_cut_series_the_new_one_and_moves_the_later_overrides_in_one_go() {
            Event weekly = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15",
                    "RRULE:FREQ=WEEKLY;COUNT=6"));
            events.edit(work.id(), weekly.id(), OptionalLong.empty(), (calendar, current) ->
                    dev.almanac.domain.event.SeriesEdit.of(current
                            .changeOccurrence(utc("2026-03-09T09:00"), retitled("Early"), NOW)
                            .changeOccurrence(utc("2026-03-30T09:00"), retitled("Late"), NOW)));
            EventId next = new EventId(newId());
            var edit = events.edit(work.id(), weekly.id(), OptionalLong.empty(), (calendar, current) ->
                    current.split(utc("2026-03-16T09:00"), retitled("Phase two"), Optional.empty(), next,
                            () -> new EventId(newId()), NOW));
            assertThat(edit.split()).isPresent();

            var before = events.seriesById(work.id(), weekly.id()).orElseThrow();
            var after = events.seriesById(work.id(), next).orElseThrow();
            assertThat(before.overrides()).extracting(o -> o.title()).containsExactly("Early");
            assertThat(after.overrides()).extracting(o -> o.title()).containsExactly("Late");
            assertThat(after.master().title()).isEqualTo("Phase two");
            assertThat(after.master().version()).isZero();
            assertThat(titles(events.seriesOverlapping(work.id(), MARCH, APRIL, Optional.empty())))
                    .containsExactlyInAnyOrder("Standup", "Phase two");
        }

        @Test
        void detached_overrides_become_single_events_and_deleting_a_series_takes_its_overrides() {
            Event weekly = added(series("Standup", "2026-03-02T09:00", "2026-03-02T09:15",
                    "RRULE:FREQ=WEEKLY;COUNT=6"));
            events.edit(work.id(), weekly.id(), OptionalLong.empty(), (calendar, current) ->
                    dev.almanac.domain.event.SeriesEdit.of(current
                            .changeOccurrence(utc("2026-03-09T09:00"), retitled("Kept"), NOW)
                            .changeOccurrence(utc("2026-03-30T09:00"), retitled("Orphan"), NOW)));
            var edit = events.edit(work.id(), weekly.id(), OptionalLong.empty(), (calendar, current) ->
                    current.revise(current.master().recurring(dev.almanac.domain.event.Recurrence.parse(
                            List.of("RRULE:FREQ=WEEKLY;COUNT=3"), current.master().time().start()), NOW),
                            () -> new EventId(newId()), NOW));
            assertThat(edit.detached()).singleElement()
                    .satisfies(d -> assertThat(d.event().title()).isEqualTo("Orphan"));
            assertThat(window(MARCH, APRIL)).containsExactly("Orphan");

            events.delete(work.id(), weekly.id(), OptionalLong.empty());
            assertThat(events.overridesOf(work.id(), List.of(weekly.id()))).isEmpty();
            assertThat(events.seriesById(work.id(), weekly.id())).isEmpty();
        }

        @Test
        void an_edit_of_an_unknown_event_is_not_found() {
            assertThatThrownBy(() -> events.edit(work.id(), new EventId(newId()), OptionalLong.empty(),
                    (calendar, current) -> dev.almanac.domain.event.SeriesEdit.of(current)))
                    .isInstanceOf(NotFoundException.class);
        }
    }
}
