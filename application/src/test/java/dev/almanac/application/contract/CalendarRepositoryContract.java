package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.BERLIN;
import static dev.almanac.application.contract.ContractFixtures.NEW_YORK;
import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.TOKYO;
import static dev.almanac.application.contract.ContractFixtures.account;
import static dev.almanac.application.contract.ContractFixtures.allDay;
import static dev.almanac.application.contract.ContractFixtures.at;
import static dev.almanac.application.contract.ContractFixtures.calendar;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static dev.almanac.application.contract.ContractFixtures.timed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.EventRepository;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.shared.DomainException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CalendarRepository} does, run against the in-memory fake and against PostgreSQL. */
public abstract class CalendarRepositoryContract {

    /** A new, empty store for each test. */
    protected abstract Repositories freshRepositories();

    private AccountRepository accounts;
    private CalendarRepository calendars;
    private EventRepository events;
    private Account owner;

    @BeforeEach
    void emptyStoreWithOneAccount() {
        Repositories store = freshRepositories();
        accounts = store.accounts();
        calendars = store.calendars();
        events = store.events();
        owner = account("owner@example.org");
        accounts.add(owner);
    }

    private Calendar added(String name, ZoneId zone) {
        Calendar calendar = calendar(owner.id(), name, zone, NOW);
        calendars.add(calendar);
        return calendar;
    }

    // --- add and find ---

    @Test
    void an_added_calendar_is_found_at_version_0_with_every_field() {
        Calendar work = Calendar.create(new CalendarId(newId()), owner.id(), "Work", "Meetings and deadlines",
                BERLIN, NOW);
        calendars.add(work);

        Calendar found = calendars.byId(work.id()).orElseThrow();

        assertThat(found).isEqualTo(work);
        assertThat(found.version()).isZero();
    }

    @Test
    void an_unknown_calendar_is_not_found() {
        added("Work", BERLIN);

        assertThat(calendars.byId(new CalendarId(newId()))).isEmpty();
    }

    // --- update ---

    @Test
    void an_update_stores_the_change_and_bumps_the_version() {
        Calendar work = added("Work", BERLIN);

        Calendar renamed = calendars.update(work.id(), OptionalLong.empty(),
                c -> c.revise("Office", "Nine to five", null, NOW.plusSeconds(60)));
        Calendar again = calendars.update(work.id(), OptionalLong.of(1),
                c -> c.revise("Desk", null, null, NOW.plusSeconds(120)));

        assertThat(renamed.version()).isEqualTo(1);
        assertThat(again.version()).isEqualTo(2);
        assertThat(again.name()).isEqualTo("Desk");
        assertThat(again.description()).isEqualTo("Nine to five");
        assertThat(again.updatedAt()).isEqualTo(NOW.plusSeconds(120));
        assertThat(calendars.byId(work.id())).contains(again);
    }

    @Test
    void an_update_that_changes_nothing_stores_nothing_and_keeps_the_version() {
        Calendar work = added("Work", BERLIN);

        Calendar unchanged = calendars.update(work.id(), OptionalLong.of(0),
                c -> c.revise("Work", null, BERLIN, NOW.plusSeconds(60)));

        assertThat(unchanged.version()).isZero();
        assertThat(unchanged.updatedAt()).isEqualTo(work.updatedAt());
        assertThat(calendars.byId(work.id()).orElseThrow().version()).isZero();
    }

    @Test
    void an_update_expecting_a_stale_version_is_refused_and_stores_nothing() {
        Calendar work = added("Work", BERLIN);
        calendars.update(work.id(), OptionalLong.empty(), c -> c.revise("Office", null, null, NOW));

        assertThatThrownBy(() -> calendars.update(work.id(), OptionalLong.of(0),
                c -> c.revise("Lost", null, null, NOW)))
                .isInstanceOf(StaleVersionException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.version_mismatch");
        assertThat(calendars.byId(work.id()).orElseThrow())
                .extracting(Calendar::name, Calendar::version).containsExactly("Office", 1L);
    }

    @Test
    void an_update_whose_change_throws_stores_nothing() {
        Calendar work = added("Work", BERLIN);
        Event holiday = allDay(work, "Holiday", "2026-03-10", "2026-03-11");
        events.add(holiday);

        assertThatThrownBy(() -> calendars.update(work.id(), OptionalLong.empty(), c -> {
            c.revise("Renamed", null, NEW_YORK, NOW);
            throw new ForbiddenException("calendar.forbidden", "not yours");
        })).isInstanceOf(ForbiddenException.class);

        assertThat(calendars.byId(work.id())).contains(work);
        assertThat(events.byId(work.id(), holiday.id())).contains(holiday);
    }

    @Test
    void updating_an_unknown_calendar_is_not_found() {
        assertThatThrownBy(() -> calendars.update(new CalendarId(newId()), OptionalLong.empty(), c -> c))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
    }

    @Test
    void changing_the_zone_re_anchors_all_day_events_and_leaves_timed_events_where_they_are() {
        Calendar work = added("Work", BERLIN);
        Event holiday = allDay(work, "Holiday", "2026-03-10", "2026-03-11");
        Event call = timed(work, "Call", "2026-03-10T02:00", "2026-03-10T03:00");
        events.add(holiday);
        events.add(call);
        // Midnight in Berlin (CET) and in New York (EDT, since 8 March) on 10 March 2026.
        Instant berlinMidnight = at("2026-03-09T23:00:00Z");
        Instant newYorkMidnight = at("2026-03-10T04:00:00Z");
        assertThat(titles(events.window(work.id(), berlinMidnight, newYorkMidnight, Optional.empty(),
                Optional.empty(), 10))).containsExactly("Holiday", "Call");

        calendars.update(work.id(), OptionalLong.empty(), c -> c.revise(null, null, NEW_YORK, NOW));

        Event moved = events.byId(work.id(), holiday.id()).orElseThrow();
        assertThat(moved.slot().start()).isEqualTo(newYorkMidnight);
        assertThat(moved.slot().end()).isEqualTo(newYorkMidnight.plus(Duration.ofHours(24)));
        assertThat(moved.version()).isEqualTo(holiday.version());
        assertThat(events.byId(work.id(), call.id()).orElseThrow().slot()).isEqualTo(call.slot());
        // The stored instants moved too: the window query sees the holiday at its new place only.
        assertThat(titles(events.window(work.id(), berlinMidnight, newYorkMidnight, Optional.empty(),
                Optional.empty(), 10))).containsExactly("Call");
        assertThat(titles(events.window(work.id(), newYorkMidnight, newYorkMidnight.plusSeconds(1),
                Optional.empty(), Optional.empty(), 10))).containsExactly("Holiday");
    }

    @Test
    void changing_the_zone_of_one_calendar_leaves_the_all_day_events_of_others_alone() {
        Calendar work = added("Work", BERLIN);
        Calendar home = added("Home", BERLIN);
        Event homeHoliday = allDay(home, "Holiday", "2026-03-10", "2026-03-11");
        events.add(homeHoliday);

        calendars.update(work.id(), OptionalLong.empty(), c -> c.revise(null, null, TOKYO, NOW));

        assertThat(titles(events.window(home.id(), at("2026-03-09T23:00:00Z"), at("2026-03-09T23:00:01Z"),
                Optional.empty(), Optional.empty(), 10))).containsExactly("Holiday");
    }

    // --- delete ---

    @Test
    void deleting_a_calendar_deletes_its_events_and_no_one_else_s() {
        Calendar work = added("Work", BERLIN);
        Calendar home = added("Home", BERLIN);
        Event standup = timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15");
        Event dinner = timed(home, "Dinner", "2026-03-10T19:00", "2026-03-10T21:00");
        events.add(standup);
        events.add(dinner);

        calendars.delete(work.id(), OptionalLong.of(0));

        assertThat(calendars.byId(work.id())).isEmpty();
        assertThat(events.byId(work.id(), standup.id())).isEmpty();
        assertThat(events.window(work.id(), at("2026-03-01T00:00:00Z"), at("2026-04-01T00:00:00Z"),
                Optional.empty(), Optional.empty(), 10)).isEmpty();
        assertThat(calendars.byId(home.id())).isPresent();
        assertThat(events.byId(home.id(), dinner.id())).contains(dinner);
    }

    @Test
    void deleting_with_a_stale_expected_version_is_refused_and_keeps_everything() {
        Calendar work = added("Work", BERLIN);
        Event standup = timed(work, "Standup", "2026-03-10T09:00", "2026-03-10T09:15");
        events.add(standup);
        calendars.update(work.id(), OptionalLong.empty(), c -> c.revise("Office", null, null, NOW));

        assertThatThrownBy(() -> calendars.delete(work.id(), OptionalLong.of(0)))
                .isInstanceOf(StaleVersionException.class);
        assertThat(calendars.byId(work.id())).isPresent();
        assertThat(events.byId(work.id(), standup.id())).isPresent();
    }

    @Test
    void deleting_without_an_expected_version_deletes_whatever_version_is_stored() {
        Calendar work = added("Work", BERLIN);
        calendars.update(work.id(), OptionalLong.empty(), c -> c.revise("Office", null, null, NOW));

        calendars.delete(work.id(), OptionalLong.empty());

        assertThat(calendars.byId(work.id())).isEmpty();
    }

    @Test
    void deleting_an_unknown_calendar_is_not_found() {
        assertThatThrownBy(() -> calendars.delete(new CalendarId(newId()), OptionalLong.empty()))
                .isInstanceOf(NotFoundException.class)
                .extracting(e -> ((DomainException) e).code()).isEqualTo("calendar.not_found");
    }

    // --- ownedBy ---

    @Test
    void owned_calendars_come_oldest_first_and_only_the_owner_s() {
        Account other = account("other@example.org");
        accounts.add(other);
        Calendar second = calendar(owner.id(), "Second", BERLIN, NOW.plusSeconds(2));
        Calendar first = calendar(owner.id(), "First", BERLIN, NOW.plusSeconds(1));
        Calendar third = calendar(owner.id(), "Third", BERLIN, NOW.plusSeconds(3));
        Calendar theirs = calendar(other.id(), "Theirs", BERLIN, NOW);
        List.of(second, theirs, third, first).forEach(calendars::add);

        assertThat(names(calendars.ownedBy(owner.id(), Optional.empty(), 10)))
                .containsExactly("First", "Second", "Third");
        assertThat(names(calendars.ownedBy(other.id(), Optional.empty(), 10))).containsExactly("Theirs");
        assertThat(calendars.ownedBy(new AccountId(newId()), Optional.empty(), 10)).isEmpty();
    }

    @Test
    void calendars_created_at_the_same_instant_are_ordered_by_id_as_unsigned_bytes() {
        // Ids chosen so that a signed comparison of their halves would give another order.
        List<String> ids = List.of(
                "00000000-0000-0000-7000-000000000000",
                "00000000-0000-0000-8000-000000000000",
                "80000000-0000-0000-0000-000000000000",
                "ffffffff-ffff-ffff-ffff-ffffffffffff");
        for (int i = ids.size() - 1; i >= 0; i--) {
            calendars.add(calendar(new CalendarId(UUID.fromString(ids.get(i))), owner.id(), "C" + i, BERLIN, NOW));
        }

        assertThat(names(calendars.ownedBy(owner.id(), Optional.empty(), 10)))
                .containsExactly("C0", "C1", "C2", "C3");
    }

    @Test
    void owned_calendars_page_with_a_cursor_after_the_last_one_seen() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            // Two per instant, so pages also split ties on creation time.
            calendars.add(calendar(owner.id(), "C" + i, BERLIN, NOW.plusSeconds(i / 2)));
            expected.add("C" + i);
        }
        List<Calendar> all = calendars.ownedBy(owner.id(), Optional.empty(), 10);
        assertThat(names(all)).containsExactlyInAnyOrderElementsOf(expected);

        List<String> paged = new ArrayList<>();
        Optional<Cursor> after = Optional.empty();
        for (int page = 0; page < 10; page++) {
            List<Calendar> found = calendars.ownedBy(owner.id(), after, 3);
            paged.addAll(names(found));
            if (found.size() < 3) {
                break;
            }
            Calendar last = found.get(found.size() - 1);
            after = Optional.of(new Cursor(last.createdAt(), last.id().value()));
        }

        assertThat(paged).containsExactlyElementsOf(names(all));
    }

    private static List<String> names(List<Calendar> found) {
        return found.stream().map(Calendar::name).toList();
    }

    private static List<String> titles(List<Event> found) {
        return found.stream().map(Event::title).toList();
    }
}
