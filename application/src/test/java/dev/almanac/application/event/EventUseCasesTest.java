package dev.almanac.application.event;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static dev.almanac.domain.testing.DomainAssertions.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.calendar.CreateCalendarUseCase;
import dev.almanac.application.calendar.DeleteCalendarUseCase;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.shared.Page;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.TimeSlot;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.StaleVersionException;
import dev.almanac.domain.shared.Violation;
import dev.almanac.domain.testing.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class EventUseCasesTest {

    private static final AccountId ADA = Ids.account(1);
    private static final AccountId BOB = Ids.account(2);
    private static final String BERLIN = "Europe/Berlin";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final CalendarUseCases calendars = CalendarUseCases.wire(store.calendars(), ids, clock);
    private final EventUseCases events = EventUseCases.wire(store.calendars(), store.events(), ids, clock);

    private Calendar work;
    private Calendar bobs;

    @BeforeEach
    void twoAccountsWithACalendarEach() {
        work = calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Work", Optional.empty(), BERLIN));
        bobs = calendars.create().create(new CreateCalendarUseCase.Command(BOB, "Bob's", Optional.empty(), BERLIN));
    }

    private static TimeInput wall(String local, String zone) {
        return new TimeInput.Wall(LocalDateTime.parse(local), zone);
    }

    private static TimeInput day(String date) {
        return new TimeInput.Day(LocalDate.parse(date));
    }

    private CreateEventUseCase.Command event(String title, TimeInput start, TimeInput end) {
        return new CreateEventUseCase.Command(ADA, work.id(), title, Optional.empty(), Optional.empty(), start, end,
                Optional.empty());
    }

    private Event schedule(String title, String startLocal, String endLocal) {
        return events.create().create(event(title, wall(startLocal, BERLIN), wall(endLocal, BERLIN)));
    }

    private UpdateEventUseCase.Command patch(Event event) {
        return new UpdateEventUseCase.Command(ADA, work.id(), event.id(), OptionalLong.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** The window's items, all single events in these tests. */
    private Page<Event> window(String from, String to, Optional<String> q, OptionalInt limit, Optional<String> cursor) {
        Page<WindowItem> page = list(work.id(), from, to, q, limit, cursor);
        return new Page<>(page.items().stream().map(item -> ((WindowItem.Single) item).event()).toList(),
                page.nextCursor());
    }

    private Page<WindowItem> list(CalendarId calendar, String from, String to, Optional<String> q, OptionalInt limit,
                                  Optional<String> cursor) {
        return events.window().window(new ListWindowUseCase.Query(ADA, calendar, Instant.parse(from),
                Instant.parse(to), q, limit, cursor, true));
    }

    private Page<Event> window(String from, String to) {
        return window(from, to, Optional.empty(), OptionalInt.empty(), Optional.empty());
    }

    private static String notFoundCode(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return catchThrowableOfType(NotFoundException.class, call).code();
    }

    @Nested
    class Creating {

        @Test
        void a_timed_event_is_confirmed_stamped_and_readable() {
            var standup = events.create().create(new CreateEventUseCase.Command(ADA, work.id(), "Standup",
                    Optional.of("Daily"), Optional.of("Room 4"), wall("2026-03-09T09:00", BERLIN),
                    wall("2026-03-09T09:15", BERLIN), Optional.empty()));
            assertThat(standup.status()).isEqualTo(EventStatus.CONFIRMED);
            assertThat(standup.calendarId()).isEqualTo(work.id());
            assertThat(standup.slot()).isEqualTo(new TimeSlot(Instant.parse("2026-03-09T08:00:00Z"),
                    Instant.parse("2026-03-09T08:15:00Z")));
            assertThat(standup.createdAt()).isEqualTo(clock.instant());
            assertThat(standup.version()).isZero();
            assertThat(events.get().get(ADA, work.id(), standup.id())).isEqualTo(standup);
        }

        @Test
        void an_all_day_event_is_anchored_in_the_calendar_zone() {
            var holiday = events.create().create(event("Holiday", day("2026-07-01"), day("2026-07-03")));
            assertThat(holiday.time().isAllDay()).isTrue();
            assertThat(holiday.slot()).isEqualTo(new TimeSlot(Instant.parse("2026-06-30T22:00:00Z"),
                    Instant.parse("2026-07-02T22:00:00Z")));
        }

        @Test
        void a_tentative_event_can_be_created_but_not_a_cancelled_one() {
            var maybe = events.create().create(new CreateEventUseCase.Command(ADA, work.id(), "Maybe",
                    Optional.empty(), Optional.empty(), day("2026-07-01"), day("2026-07-02"),
                    Optional.of(EventStatus.TENTATIVE)));
            assertThat(maybe.status()).isEqualTo(EventStatus.TENTATIVE);
            assertViolation(() -> events.create().create(new CreateEventUseCase.Command(ADA, work.id(), "Never",
                    Optional.empty(), Optional.empty(), day("2026-07-01"), day("2026-07-02"),
                    Optional.of(EventStatus.CANCELLED))), "status", "event.status.cancelled_on_create");
        }

        @Test
        void an_unknown_start_zone_is_reported_on_start_time_zone() {
            assertViolation(() -> events.create().create(event("Standup", wall("2026-03-09T09:00", "+01:00"),
                    wall("2026-03-09T10:00", BERLIN))), "start.timeZone", "event.time.zone.unknown");
        }

        @Test
        void every_mistake_in_a_new_event_is_reported_at_once() {
            var e = violationOf(() -> events.create().create(new CreateEventUseCase.Command(ADA, work.id(), " ",
                    Optional.of("d".repeat(50_001)), Optional.of("Room\u0007"), wall("2026-03-09T09:00", "Mars/Base"),
                    wall("2026-03-09T10:00", "Nowhere/Else"), Optional.empty())));

            assertThat(e.violations()).extracting(Violation::field).containsExactlyInAnyOrder("start.timeZone",
                    "end.timeZone", "title", "description", "location");
        }

        @Test
        void a_wall_time_finer_than_a_microsecond_is_reported_on_its_field_rather_than_rounded() {
            assertViolation(() -> events.create().create(event("Standup", wall("2026-03-09T09:00:00.000000001", BERLIN),
                    wall("2026-03-09T10:00", BERLIN))), "start.dateTime", "event.time.too_precise");
        }

        @Test
        void an_unknown_end_zone_is_reported_on_end_time_zone() {
            assertViolation(() -> events.create().create(event("Standup", wall("2026-03-09T09:00", BERLIN),
                    wall("2026-03-09T10:00", "CET+1"))), "end.timeZone", "event.time.zone.unknown");
        }

        @Test
        void an_end_before_the_start_is_refused_and_nothing_is_stored() {
            assertViolation(() -> schedule("Backwards", "2026-03-09T10:00", "2026-03-09T09:00"),
                    "end", "event.time.end_not_after_start");
            assertThat(window("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z").items()).isEmpty();
        }

        @Test
        void a_flight_from_new_york_to_berlin_is_fine() {
            var flight = events.create().create(event("Flight", wall("2026-06-01T18:00", "America/New_York"),
                    wall("2026-06-02T08:00", BERLIN)));
            assertThat(flight.slot().duration()).isEqualTo(Duration.ofHours(8));
        }

        @Test
        void mixed_kinds_are_refused() {
            assertViolation(() -> events.create().create(event("Odd", day("2026-03-09"), wall("2026-03-09T10:00", BERLIN))),
                    "end", "event.time.mixed_kinds");
        }

        @Test
        void a_blank_title_is_refused() {
            assertViolation(() -> schedule(" ", "2026-03-09T09:00", "2026-03-09T10:00"), "title", "event.title.blank");
        }

        @Test
        void an_event_in_another_accounts_calendar_cannot_be_created() {
            assertThat(notFoundCode(() -> events.create().create(new CreateEventUseCase.Command(ADA, bobs.id(), "Sneaky",
                    Optional.empty(), Optional.empty(), day("2026-07-01"), day("2026-07-02"), Optional.empty()))))
                    .isEqualTo("calendar.not_found");
        }

        @Test
        void an_event_in_a_missing_calendar_cannot_be_created() {
            assertThat(notFoundCode(() -> events.create().create(new CreateEventUseCase.Command(ADA, Ids.calendar(99),
                    "Nowhere", Optional.empty(), Optional.empty(), day("2026-07-01"), day("2026-07-02"),
                    Optional.empty())))).isEqualTo("calendar.not_found");
        }
    }

    @Nested
    class Reading {

        @Test
        void an_event_asked_for_through_another_calendar_is_not_found() {
            var standup = schedule("Standup", "2026-03-09T09:00", "2026-03-09T09:15");
            var home = calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Home", Optional.empty(), BERLIN));
            assertThat(notFoundCode(() -> events.get().get(ADA, home.id(), standup.id()))).isEqualTo("event.not_found");
        }

        @Test
        void another_account_cannot_see_the_event_even_with_the_right_ids() {
            var standup = schedule("Standup", "2026-03-09T09:00", "2026-03-09T09:15");
            assertThat(notFoundCode(() -> events.get().get(BOB, work.id(), standup.id()))).isEqualTo("calendar.not_found");
        }

        @Test
        void a_missing_event_is_not_found() {
            assertThat(notFoundCode(() -> events.get().get(ADA, work.id(), Ids.event(99)))).isEqualTo("event.not_found");
        }
    }

    @Nested
    class Updating {

        private Event standup;

        @BeforeEach
        void anEvent() {
            standup = events.create().create(new CreateEventUseCase.Command(ADA, work.id(), "Standup",
                    Optional.of("Daily"), Optional.of("Room 4"), wall("2026-03-09T09:00", BERLIN),
                    wall("2026-03-09T09:15", BERLIN), Optional.of(EventStatus.TENTATIVE)));
            clock.advance(Duration.ofMinutes(10));
        }

        @Test
        void a_partial_update_changes_only_the_given_parts() {
            var p = patch(standup);
            var updated = events.update().update(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(),
                    OptionalLong.of(0), Optional.of("Daily standup"), p.description(), p.location(), p.start(),
                    Optional.of(wall("2026-03-09T09:30", BERLIN)), p.status()));
            assertThat(updated.title()).isEqualTo("Daily standup");
            assertThat(updated.description()).isEqualTo("Daily");
            assertThat(updated.location()).isEqualTo("Room 4");
            assertThat(updated.time().start()).isEqualTo(standup.time().start());
            assertThat(updated.slot().duration()).isEqualTo(Duration.ofMinutes(30));
            assertThat(updated.status()).isEqualTo(EventStatus.TENTATIVE);
            assertThat(updated.version()).isEqualTo(1);
            assertThat(updated.updatedAt()).isEqualTo(clock.instant());
            assertThat(updated.createdAt()).isEqualTo(standup.createdAt());
            assertThat(events.get().get(ADA, work.id(), standup.id())).isEqualTo(updated);
        }

        @Test
        void description_and_location_can_be_cleared() {
            var p = patch(standup);
            var cleared = events.update().update(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(),
                    OptionalLong.empty(), p.title(), Optional.of(""), Optional.of(""), p.start(), p.end(), p.status()));
            assertThat(cleared.description()).isEmpty();
            assertThat(cleared.location()).isEmpty();
        }

        @Test
        void moving_the_end_before_the_start_is_refused_and_nothing_changes() {
            var p = patch(standup);
            assertViolation(() -> events.update().update(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(),
                    OptionalLong.empty(), p.title(), p.description(), p.location(), p.start(),
                    Optional.of(wall("2026-03-09T08:00", BERLIN)), p.status())), "end", "event.time.end_not_after_start");
            assertThat(events.get().get(ADA, work.id(), standup.id())).isEqualTo(standup);
        }

        @Test
        void a_bad_zone_in_an_update_is_reported_on_its_field() {
            var p = patch(standup);
            assertViolation(() -> events.update().update(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(),
                    OptionalLong.empty(), p.title(), p.description(), p.location(), p.start(),
                    Optional.of(wall("2026-03-09T10:00", "Berlin")), p.status())), "end.timeZone",
                    "event.time.zone.unknown");
        }

        @Test
        void a_stale_expected_version_is_refused() {
            events.update().update(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(), OptionalLong.of(0),
                    Optional.of("Renamed"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
            var e = catchThrowableOfType(StaleVersionException.class, () -> events.update().update(
                    new UpdateEventUseCase.Command(ADA, work.id(), standup.id(), OptionalLong.of(0),
                            Optional.of("Lost"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                            Optional.empty())));
            assertThat(e.code()).isEqualTo("event.version_mismatch");
            assertThat(events.get().get(ADA, work.id(), standup.id()).title()).isEqualTo("Renamed");
        }

        @Test
        void another_account_cannot_update_the_event() {
            var p = patch(standup);
            assertThat(notFoundCode(() -> events.update().update(new UpdateEventUseCase.Command(BOB, work.id(),
                    standup.id(), OptionalLong.empty(), Optional.of("Mine"), p.description(), p.location(), p.start(),
                    p.end(), p.status())))).isEqualTo("calendar.not_found");
            assertThat(events.get().get(ADA, work.id(), standup.id())).isEqualTo(standup);
        }

        @Test
        void another_account_learns_nothing_from_a_stale_version_or_a_made_up_event_id() {
            events.update().update(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(), OptionalLong.empty(),
                    Optional.of("Renamed"), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty()));
            var p = patch(standup);
            assertThat(notFoundCode(() -> events.update().update(new UpdateEventUseCase.Command(BOB, work.id(),
                    standup.id(), OptionalLong.of(0), Optional.of("Mine"), p.description(), p.location(), p.start(),
                    p.end(), p.status())))).isEqualTo("calendar.not_found");
            assertThat(notFoundCode(() -> events.update().update(new UpdateEventUseCase.Command(BOB, work.id(),
                    Ids.event(99), OptionalLong.empty(), Optional.of("Mine"), p.description(), p.location(), p.start(),
                    p.end(), p.status())))).isEqualTo("calendar.not_found");
            assertThat(notFoundCode(() -> events.changeStatus().changeStatus(new ChangeEventStatusUseCase.Command(
                    BOB, work.id(), standup.id(), OptionalLong.of(0), EventStatus.CANCELLED))))
                    .isEqualTo("calendar.not_found");
            assertThat(notFoundCode(() -> events.changeStatus().changeStatus(new ChangeEventStatusUseCase.Command(
                    BOB, work.id(), Ids.event(99), OptionalLong.empty(), EventStatus.CANCELLED))))
                    .isEqualTo("calendar.not_found");
        }

        @Test
        void a_status_in_an_update_follows_the_machine() {
            var p = patch(standup);
            var cancelled = events.update().update(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(),
                    OptionalLong.empty(), p.title(), p.description(), p.location(), p.start(), p.end(),
                    Optional.of(EventStatus.CANCELLED)));
            assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
            var e = assertViolation(() -> events.update().update(new UpdateEventUseCase.Command(ADA, work.id(),
                    standup.id(), OptionalLong.empty(), p.title(), p.description(), p.location(), p.start(), p.end(),
                    Optional.of(EventStatus.CONFIRMED))), "status", "event.status.illegal_transition");
            assertThat(e.getMessage()).contains("CANCELLED", "CONFIRMED");
        }
    }

    @Nested
    class ChangingStatus {

        private Event standup;

        @BeforeEach
        void anEvent() {
            standup = schedule("Standup", "2026-03-09T09:00", "2026-03-09T09:15");
        }

        private Event move(AccountId actor, EventStatus target) {
            return events.changeStatus().changeStatus(new ChangeEventStatusUseCase.Command(actor, work.id(),
                    standup.id(), OptionalLong.empty(), target));
        }

        @Test
        void confirmed_to_tentative_to_cancelled() {
            assertThat(move(ADA, EventStatus.TENTATIVE).status()).isEqualTo(EventStatus.TENTATIVE);
            var cancelled = move(ADA, EventStatus.CANCELLED);
            assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
            assertThat(cancelled.version()).isEqualTo(2);
        }

        @Test
        void an_illegal_move_names_both_states_and_changes_nothing() {
            move(ADA, EventStatus.CANCELLED);
            var e = assertViolation(() -> move(ADA, EventStatus.TENTATIVE), "status", "event.status.illegal_transition");
            assertThat(e.getMessage()).contains("CANCELLED", "TENTATIVE");
            assertThat(events.get().get(ADA, work.id(), standup.id()).status()).isEqualTo(EventStatus.CANCELLED);
        }

        @Test
        void the_same_status_again_is_harmless() {
            assertThat(move(ADA, EventStatus.CONFIRMED).status()).isEqualTo(EventStatus.CONFIRMED);
        }

        @Test
        void another_account_cannot_cancel_the_event() {
            assertThat(notFoundCode(() -> move(BOB, EventStatus.CANCELLED))).isEqualTo("calendar.not_found");
            assertThat(events.get().get(ADA, work.id(), standup.id()).status()).isEqualTo(EventStatus.CONFIRMED);
        }
    }

    @Nested
    class Deleting {

        @Test
        void a_deleted_event_is_gone() {
            var standup = schedule("Standup", "2026-03-09T09:00", "2026-03-09T09:15");
            events.delete().delete(new DeleteEventUseCase.Command(ADA, work.id(), standup.id(), OptionalLong.of(0)));
            assertThat(notFoundCode(() -> events.get().get(ADA, work.id(), standup.id()))).isEqualTo("event.not_found");
            assertThat(notFoundCode(() -> events.delete().delete(
                    new DeleteEventUseCase.Command(ADA, work.id(), standup.id(), OptionalLong.empty()))))
                    .isEqualTo("event.not_found");
        }

        @Test
        void a_stale_version_refuses_the_delete() {
            var standup = schedule("Standup", "2026-03-09T09:00", "2026-03-09T09:15");
            events.changeStatus().changeStatus(new ChangeEventStatusUseCase.Command(ADA, work.id(), standup.id(),
                    OptionalLong.empty(), EventStatus.TENTATIVE));
            catchThrowableOfType(StaleVersionException.class, () -> events.delete().delete(
                    new DeleteEventUseCase.Command(ADA, work.id(), standup.id(), OptionalLong.of(0))));
            assertThat(events.get().get(ADA, work.id(), standup.id())).isNotNull();
        }

        @Test
        void another_account_cannot_delete_the_event() {
            var standup = schedule("Standup", "2026-03-09T09:00", "2026-03-09T09:15");
            assertThat(notFoundCode(() -> events.delete().delete(
                    new DeleteEventUseCase.Command(BOB, work.id(), standup.id(), OptionalLong.empty()))))
                    .isEqualTo("calendar.not_found");
            assertThat(events.get().get(ADA, work.id(), standup.id())).isEqualTo(standup);
        }

        @Test
        void deleting_the_calendar_takes_its_events_with_it() {
            var standup = schedule("Standup", "2026-03-09T09:00", "2026-03-09T09:15");
            calendars.delete().delete(new DeleteCalendarUseCase.Command(ADA, work.id(), OptionalLong.empty()));
            assertThat(store.events().byId(work.id(), standup.id())).isEmpty();
        }
    }

    @Nested
    class ListingAWindow {

        @Test
        void an_event_overlapping_the_window_edges_is_included_and_touching_ones_are_not() {
            // The window is 10:00-12:00 Berlin (09:00Z-11:00Z).
            var before = schedule("Ends at from", "2026-03-09T09:00", "2026-03-09T10:00");
            var straddlesFrom = schedule("Straddles from", "2026-03-09T09:30", "2026-03-09T10:30");
            var inside = schedule("Inside", "2026-03-09T10:15", "2026-03-09T10:45");
            var straddlesTo = schedule("Straddles to", "2026-03-09T11:30", "2026-03-09T12:30");
            var after = schedule("Starts at to", "2026-03-09T12:00", "2026-03-09T13:00");
            var around = schedule("Around the window", "2026-03-09T08:00", "2026-03-09T18:00");
            var page = window("2026-03-09T09:00:00Z", "2026-03-09T11:00:00Z");
            assertThat(page.items()).extracting(Event::id)
                    .containsExactly(around.id(), straddlesFrom.id(), inside.id(), straddlesTo.id())
                    .doesNotContain(before.id(), after.id());
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        void all_day_events_take_part_by_their_anchored_slot() {
            var holiday = events.create().create(event("Holiday", day("2026-03-10"), day("2026-03-11")));
            assertThat(window("2026-03-09T22:59:59Z", "2026-03-09T23:00:01Z").items()).containsExactly(holiday);
            assertThat(window("2026-03-09T00:00:00Z", "2026-03-09T23:00:00Z").items()).isEmpty();
        }

        @Test
        void events_of_other_calendars_are_not_listed() {
            var home = calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Home", Optional.empty(), BERLIN));
            events.create().create(new CreateEventUseCase.Command(ADA, home.id(), "Laundry", Optional.empty(),
                    Optional.empty(), day("2026-03-09"), day("2026-03-10"), Optional.empty()));
            assertThat(window("2026-03-01T00:00:00Z", "2026-04-01T00:00:00Z").items()).isEmpty();
        }

        @Test
        void events_starting_together_are_ordered_by_id_and_paged_without_loss_or_repeat() {
            List<EventId> expected = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                expected.add(schedule("Late " + i, "2026-03-09T15:00", "2026-03-09T16:00").id());
            }
            List<EventId> early = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                early.add(schedule("Early " + i, "2026-03-09T0" + (7 + i) + ":00", "2026-03-09T1" + i + ":00").id());
            }
            expected.addAll(0, early);
            List<EventId> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                var page = window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.empty(), OptionalInt.of(2),
                        cursor);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(2);
                page.items().forEach(e -> seen.add(e.id()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor.isPresent());
            assertThat(seen).containsExactlyElementsOf(expected);
            assertThat(pages).isEqualTo(4);
        }

        @Test
        void the_title_filter_ignores_case_and_surrounding_space() {
            var standup = schedule("Daily STANDUP", "2026-03-09T09:00", "2026-03-09T09:15");
            schedule("Retro", "2026-03-09T10:00", "2026-03-09T11:00");
            assertThat(window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.of("  standup "),
                    OptionalInt.empty(), Optional.empty()).items()).containsExactly(standup);
            assertThat(window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.of("   "),
                    OptionalInt.empty(), Optional.empty()).items()).hasSize(2);
        }

        @Test
        void a_filter_over_two_hundred_characters_is_refused() {
            assertThat(window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.of("q".repeat(200)),
                    OptionalInt.empty(), Optional.empty()).items()).isEmpty();
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.of("q".repeat(201)),
                    OptionalInt.empty(), Optional.empty()), "q", "window.filter.too_long");
        }

        @Test
        void a_filter_with_control_characters_or_broken_unicode_is_refused() {
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.of("a\u0000b"),
                    OptionalInt.empty(), Optional.empty()), "q", "window.filter.control_characters");
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.of("a\ud800"),
                    OptionalInt.empty(), Optional.empty()), "q", "window.filter.invalid_characters");
        }

        @Test
        void a_window_beyond_the_years_events_can_hold_is_refused() {
            assertViolation(() -> window("2026-03-09T00:00:00Z", "+300000-01-01T00:00:00Z"), "to",
                    "window.out_of_range");
            assertViolation(() -> window("-0001-01-01T00:00:00Z", "2026-03-10T00:00:00Z"), "from",
                    "window.out_of_range");
        }

        @Test
        void a_cursor_from_another_window_or_filter_is_refused() {
            for (int i = 0; i < 3; i++) {
                schedule("Meeting " + i, "2026-03-09T0" + (7 + i) + ":00", "2026-03-09T1" + i + ":00");
            }
            String cursor = window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.empty(), OptionalInt.of(1),
                    Optional.empty()).nextCursor().orElseThrow();

            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-11T00:00:00Z", Optional.empty(),
                    OptionalInt.of(1), Optional.of(cursor)), "cursor", "page.cursor.invalid");
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.of("meeting"),
                    OptionalInt.of(1), Optional.of(cursor)), "cursor", "page.cursor.invalid");
            assertThat(window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.empty(), OptionalInt.of(1),
                    Optional.of(cursor)).items()).hasSize(1);
        }

        @Test
        void an_empty_or_inverted_window_is_refused() {
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-09T00:00:00Z"), "to", "window.empty");
            assertViolation(() -> window("2026-03-10T00:00:00Z", "2026-03-09T00:00:00Z"), "to", "window.empty");
        }

        @Test
        void limit_and_cursor_are_checked() {
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.empty(),
                    OptionalInt.of(0), Optional.empty()), "limit", "page.limit.out_of_range");
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.empty(),
                    OptionalInt.of(501), Optional.empty()), "limit", "page.limit.out_of_range");
            assertViolation(() -> window("2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z", Optional.empty(),
                    OptionalInt.empty(), Optional.of("bogus")), "cursor", "page.cursor.invalid");
        }

        @Test
        void another_accounts_calendar_cannot_be_listed() {
            assertThat(notFoundCode(() -> list(bobs.id(), "2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z",
                    Optional.empty(), OptionalInt.empty(), Optional.empty()))).isEqualTo("calendar.not_found");
        }

        @Test
        void a_calendar_id_that_does_not_exist_cannot_be_listed() {
            CalendarId missing = Ids.calendar(99);
            assertThat(notFoundCode(() -> list(missing, "2026-03-09T00:00:00Z", "2026-03-10T00:00:00Z",
                    Optional.empty(), OptionalInt.empty(), Optional.empty()))).isEqualTo("calendar.not_found");
        }
    }
}
