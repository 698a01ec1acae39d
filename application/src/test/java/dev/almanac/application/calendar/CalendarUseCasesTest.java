package dev.almanac.application.calendar;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static dev.almanac.domain.testing.DomainAssertions.violationOf;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.application.event.CreateEventUseCase;
import dev.almanac.application.event.EventUseCases;
import dev.almanac.application.event.TimeInput;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.shared.Page;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.Violation;
import dev.almanac.domain.shared.StaleVersionException;
import dev.almanac.domain.testing.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarUseCasesTest {

    private static final AccountId ADA = Ids.account(1);
    private static final AccountId BOB = Ids.account(2);

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final CalendarUseCases calendars = CalendarUseCases.wire(store.calendars(), ids, clock);

    private Calendar create(AccountId owner, String name, String zone) {
        return calendars.create().create(new CreateCalendarUseCase.Command(owner, name, Optional.empty(), zone));
    }

    private UpdateCalendarUseCase.Command rename(AccountId actor, CalendarId id, OptionalLong expected, String name) {
        return new UpdateCalendarUseCase.Command(actor, id, expected, Optional.of(name), Optional.empty(),
                Optional.empty());
    }

    private Page<Calendar> list(AccountId actor, OptionalInt limit, Optional<String> cursor) {
        return calendars.list().list(new ListCalendarsUseCase.Query(actor, limit, cursor));
    }

    @Nested
    class Creating {

        @Test
        void a_calendar_belongs_to_its_creator_and_starts_at_version_zero() {
            var work = calendars.create().create(new CreateCalendarUseCase.Command(ADA, " Work ",
                    Optional.of("Office\nhours"), "Europe/Berlin"));
            assertThat(work.owner()).isEqualTo(ADA);
            assertThat(work.name()).isEqualTo("Work");
            assertThat(work.description()).isEqualTo("Office\nhours");
            assertThat(work.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(work.version()).isZero();
            assertThat(work.createdAt()).isEqualTo(clock.instant());
            assertThat(calendars.get().get(ADA, work.id())).isEqualTo(work);
        }

        @ParameterizedTest
        @ValueSource(strings = {"+02:00", "GMT+2", "PST", "Mars/Olympus_Mons"})
        void a_zone_that_is_not_iana_is_refused(String zone) {
            assertViolation(() -> create(ADA, "Work", zone), "timeZone", "calendar.time_zone.unknown");
            assertThat(list(ADA, OptionalInt.empty(), Optional.empty()).items()).isEmpty();
        }

        @Test
        void a_blank_name_is_refused() {
            assertViolation(() -> create(ADA, "  ", "Europe/Berlin"), "name", "calendar.name.blank");
        }

        @Test
        void every_mistake_in_a_new_calendar_is_reported_at_once() {
            var e = violationOf(() -> calendars.create().create(new CreateCalendarUseCase.Command(ADA, "\u00a0",
                    Optional.of("d".repeat(10_001)), "Nope")));
            assertThat(e.violations()).extracting(Violation::field, Violation::code).containsExactlyInAnyOrder(
                    tuple("name", "calendar.name.blank"), tuple("description", "calendar.description.too_long"),
                    tuple("timeZone", "calendar.time_zone.unknown"));
        }

        @Test
        void a_name_with_a_lone_surrogate_is_refused_rather_than_stored_as_something_else() {
            assertViolation(() -> create(ADA, "Work\ud800", "UTC"), "name", "calendar.name.invalid_characters");
        }

        @Test
        void a_description_over_ten_thousand_characters_is_refused() {
            assertViolation(() -> calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Work",
                    Optional.of("d".repeat(10_001)), "UTC")), "description", "calendar.description.too_long");
        }
    }

    @Nested
    class ReadingAndListing {

        @Test
        void another_accounts_calendar_is_not_found() {
            var adas = create(ADA, "Work", "UTC");
            var e = catchThrowableOfType(NotFoundException.class, () -> calendars.get().get(BOB, adas.id()));
            assertThat(e.code()).isEqualTo("calendar.not_found");
            var missing = catchThrowableOfType(NotFoundException.class, () -> calendars.get().get(BOB, Ids.calendar(99)));
            assertThat(missing.code()).isEqualTo(e.code());
        }

        @Test
        void one_lists_only_ones_own_calendars_oldest_first() {
            var first = create(ADA, "First", "UTC");
            clock.advance(Duration.ofMinutes(1));
            create(BOB, "Bob's", "UTC");
            clock.advance(Duration.ofMinutes(1));
            var second = create(ADA, "Second", "UTC");
            var page = list(ADA, OptionalInt.empty(), Optional.empty());
            assertThat(page.items()).extracting(Calendar::id).containsExactly(first.id(), second.id());
            assertThat(page.nextCursor()).isEmpty();
        }

        @Test
        void the_cursor_walks_through_more_calendars_than_fit_on_a_page() {
            List<CalendarId> created = new ArrayList<>();
            for (int i = 0; i < 7; i++) {
                created.add(create(ADA, "Calendar " + i, "UTC").id());
                if (i % 2 == 0) {
                    clock.advance(Duration.ofSeconds(1)); // some share a creation instant, some do not
                }
            }
            List<CalendarId> seen = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            int pages = 0;
            do {
                var page = list(ADA, OptionalInt.of(3), cursor);
                assertThat(page.items()).hasSizeLessThanOrEqualTo(3);
                page.items().forEach(c -> seen.add(c.id()));
                cursor = page.nextCursor();
                pages++;
            } while (cursor.isPresent());
            assertThat(pages).isEqualTo(3);
            assertThat(seen).containsExactlyElementsOf(created);
        }

        @Test
        void a_page_exactly_full_has_no_next_cursor() {
            create(ADA, "One", "UTC");
            create(ADA, "Two", "UTC");
            assertThat(list(ADA, OptionalInt.of(2), Optional.empty()).nextCursor()).isEmpty();
        }

        @Test
        void the_default_page_holds_one_hundred() {
            for (int i = 0; i < 101; i++) {
                create(ADA, "Calendar " + i, "UTC");
            }
            var page = list(ADA, OptionalInt.empty(), Optional.empty());
            assertThat(page.items()).hasSize(100);
            assertThat(list(ADA, OptionalInt.empty(), page.nextCursor()).items()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 501, Integer.MAX_VALUE})
        void a_limit_outside_one_to_five_hundred_is_refused(int limit) {
            assertViolation(() -> list(ADA, OptionalInt.of(limit), Optional.empty()), "limit", "page.limit.out_of_range");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 500})
        void the_limit_bounds_are_accepted(int limit) {
            create(ADA, "Work", "UTC");
            assertThat(list(ADA, OptionalInt.of(limit), Optional.empty()).items()).hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "not base64 at all!", "Yzg8fDF8Mnwz", "YzF8eHwxfDA", "=="})
        void a_cursor_this_service_did_not_hand_out_is_refused(String cursor) {
            assertViolation(() -> list(ADA, OptionalInt.empty(), Optional.of(cursor)), "cursor", "page.cursor.invalid");
        }

        @Test
        void a_huge_cursor_is_refused() {
            assertViolation(() -> list(ADA, OptionalInt.empty(), Optional.of("A".repeat(100_000))),
                    "cursor", "page.cursor.invalid");
        }

        @Test
        void a_cursor_survives_its_round_trip() {
            var cursor = new Cursor(Instant.parse("2026-03-01T08:00:00.123456789Z"), Ids.uuid(42));
            assertThat(Cursor.decode(cursor.encode("a list"), "a list")).isEqualTo(cursor);
        }

        @Test
        void a_cursor_from_another_list_is_refused() {
            var cursor = new Cursor(Instant.parse("2026-03-01T08:00:00Z"), Ids.uuid(42));
            assertViolation(() -> Cursor.decode(cursor.encode("events of calendar A"), "events of calendar B"),
                    "cursor", "page.cursor.invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"c2|10000000000000|0|00000000-0000-0000-0000-00000000002a",
                "c2|1772352000|-1|00000000-0000-0000-0000-00000000002a",
                "c2|1772352000|2000000000|00000000-0000-0000-0000-00000000002a"})
        void a_forged_cursor_with_an_impossible_instant_is_refused(String plain) {
            String scope = "a list";
            var genuine = new Cursor(Instant.parse("2026-03-01T08:00:00Z"), Ids.uuid(42)).encode(scope);
            String fingerprint = new String(java.util.Base64.getUrlDecoder().decode(genuine)).split("\\|")[4];
            String forged = java.util.Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((plain + "|" + fingerprint).getBytes());
            assertViolation(() -> Cursor.decode(forged, scope), "cursor", "page.cursor.invalid");
        }
    }

    @Nested
    class Updating {

        @Test
        void only_the_given_fields_change_and_the_version_moves_on() {
            var work = calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Work",
                    Optional.of("Office"), "Europe/Berlin"));
            clock.advance(Duration.ofMinutes(5));
            var renamed = calendars.update().update(rename(ADA, work.id(), OptionalLong.empty(), "Job"));
            assertThat(renamed.name()).isEqualTo("Job");
            assertThat(renamed.description()).isEqualTo("Office");
            assertThat(renamed.timeZone()).isEqualTo(work.timeZone());
            assertThat(renamed.version()).isEqualTo(1);
            assertThat(renamed.updatedAt()).isEqualTo(work.createdAt().plus(Duration.ofMinutes(5)));
            assertThat(calendars.get().get(ADA, work.id())).isEqualTo(renamed);
        }

        @Test
        void the_description_can_be_cleared() {
            var work = calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Work",
                    Optional.of("Office"), "Europe/Berlin"));
            var cleared = calendars.update().update(new UpdateCalendarUseCase.Command(ADA, work.id(),
                    OptionalLong.empty(), Optional.empty(), Optional.of(""), Optional.empty()));
            assertThat(cleared.description()).isEmpty();
        }

        @Test
        void the_expected_version_must_be_the_current_one() {
            var work = create(ADA, "Work", "UTC");
            calendars.update().update(rename(ADA, work.id(), OptionalLong.of(0), "Job"));
            var e = catchThrowableOfType(StaleVersionException.class,
                    () -> calendars.update().update(rename(ADA, work.id(), OptionalLong.of(0), "Lost update")));
            assertThat(e.code()).isEqualTo("calendar.version_mismatch");
            assertThat(e.expected()).isZero();
            assertThat(calendars.get().get(ADA, work.id()).name()).isEqualTo("Job");
        }

        @Test
        void a_bad_zone_is_refused_and_nothing_changes() {
            var work = create(ADA, "Work", "UTC");
            assertViolation(() -> calendars.update().update(new UpdateCalendarUseCase.Command(ADA, work.id(),
                    OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.of("+01:00"))),
                    "timeZone", "calendar.time_zone.unknown");
            assertViolation(() -> calendars.update().update(rename(ADA, work.id(), OptionalLong.empty(), "")),
                    "name", "calendar.name.blank");
            assertThat(calendars.get().get(ADA, work.id())).isEqualTo(work);
        }

        @Test
        void another_accounts_calendar_is_not_found_and_left_alone() {
            var work = create(ADA, "Work", "UTC");
            var e = catchThrowableOfType(NotFoundException.class,
                    () -> calendars.update().update(rename(BOB, work.id(), OptionalLong.empty(), "Mine now")));
            assertThat(e.code()).isEqualTo("calendar.not_found");
            assertThat(calendars.get().get(ADA, work.id())).isEqualTo(work);
        }

        @Test
        void a_stranger_with_a_stale_version_learns_nothing_either() {
            var work = create(ADA, "Work", "UTC");
            calendars.update().update(rename(ADA, work.id(), OptionalLong.empty(), "Job"));
            var e = catchThrowableOfType(NotFoundException.class,
                    () -> calendars.update().update(rename(BOB, work.id(), OptionalLong.of(0), "Mine now")));
            assertThat(e.code()).isEqualTo("calendar.not_found");
        }

        @Test
        void a_missing_calendar_is_not_found() {
            var e = catchThrowableOfType(NotFoundException.class,
                    () -> calendars.update().update(rename(ADA, Ids.calendar(99), OptionalLong.empty(), "Job")));
            assertThat(e.code()).isEqualTo("calendar.not_found");
        }

        @Test
        void a_new_zone_reanchors_the_all_day_events_but_not_the_timed_ones() {
            var events = EventUseCases.wire(store.calendars(), store.events(), ids, clock);
            var work = create(ADA, "Work", "Europe/Berlin");
            var holiday = events.create().create(new CreateEventUseCase.Command(ADA, work.id(), "Holiday",
                    Optional.empty(), Optional.empty(), new TimeInput.Day(LocalDate.parse("2026-07-01")),
                    new TimeInput.Day(LocalDate.parse("2026-07-02")), Optional.empty()));
            var call = events.create().create(new CreateEventUseCase.Command(ADA, work.id(), "Call",
                    Optional.empty(), Optional.empty(),
                    new TimeInput.Wall(java.time.LocalDateTime.parse("2026-07-01T09:00"), "Europe/Berlin"),
                    new TimeInput.Wall(java.time.LocalDateTime.parse("2026-07-01T10:00"), "Europe/Berlin"),
                    Optional.empty()));
            assertThat(holiday.slot().start()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));

            calendars.update().update(new UpdateCalendarUseCase.Command(ADA, work.id(), OptionalLong.empty(),
                    Optional.empty(), Optional.empty(), Optional.of("America/New_York")));

            var moved = events.get().get(ADA, work.id(), holiday.id());
            assertThat(moved.slot().start()).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
            assertThat(moved.slot().end()).isEqualTo(Instant.parse("2026-07-02T04:00:00Z"));
            assertThat(moved.time()).isEqualTo(holiday.time());
            assertThat(events.get().get(ADA, work.id(), call.id()).slot()).isEqualTo(call.slot());
        }
    }

    @Nested
    class Deleting {

        @Test
        void a_deleted_calendar_is_gone() {
            var work = create(ADA, "Work", "UTC");
            calendars.delete().delete(new DeleteCalendarUseCase.Command(ADA, work.id(), OptionalLong.of(0)));
            assertThat(catchThrowableOfType(NotFoundException.class, () -> calendars.get().get(ADA, work.id())).code())
                    .isEqualTo("calendar.not_found");
        }

        @Test
        void another_accounts_calendar_is_not_found_and_survives() {
            var work = create(ADA, "Work", "UTC");
            assertThat(catchThrowableOfType(NotFoundException.class, () -> calendars.delete().delete(
                    new DeleteCalendarUseCase.Command(BOB, work.id(), OptionalLong.empty()))).code())
                    .isEqualTo("calendar.not_found");
            assertThat(calendars.get().get(ADA, work.id())).isEqualTo(work);
        }

        @Test
        void a_stale_version_refuses_the_delete() {
            var work = create(ADA, "Work", "UTC");
            calendars.update().update(rename(ADA, work.id(), OptionalLong.empty(), "Job"));
            catchThrowableOfType(StaleVersionException.class, () -> calendars.delete().delete(
                    new DeleteCalendarUseCase.Command(ADA, work.id(), OptionalLong.of(0))));
            assertThat(calendars.get().get(ADA, work.id()).name()).isEqualTo("Job");
        }

        @Test
        void deleting_twice_is_not_found_the_second_time() {
            var work = create(ADA, "Work", "UTC");
            calendars.delete().delete(new DeleteCalendarUseCase.Command(ADA, work.id(), OptionalLong.empty()));
            assertThat(catchThrowableOfType(NotFoundException.class, () -> calendars.delete().delete(
                    new DeleteCalendarUseCase.Command(ADA, work.id(), OptionalLong.empty()))).code())
                    .isEqualTo("calendar.not_found");
        }
    }
}
