package dev.almanac.application.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.calendar.CreateCalendarUseCase;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.shared.Page;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.OccurrenceId;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.testing.Ids;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A window merges single events and occurrences of series in start order, and pages across both. */
class WindowUseCaseTest {
    private static final AccountId ADA = Ids.account(1);
    private static final String BERLIN = "Europe/Berlin";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final CalendarUseCases calendars = CalendarUseCases.wire(store.calendars(), ids, clock);
    private final EventUseCases events = EventUseCases.wire(store.calendars(), store.events(), ids, clock);
    private Calendar work;

    @BeforeEach
    void aCalendar() {
        work = calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Work", Optional.empty(), BERLIN));
    }

    private void schedule(String title, String start, String end, String... recurrence) {
        events.create().create(new CreateEventUseCase.Command(ADA, work.id(), title, Optional.empty(),
                Optional.empty(), new TimeInput.Wall(LocalDateTime.parse(start), BERLIN),
                new TimeInput.Wall(LocalDateTime.parse(end), BERLIN), Optional.empty(), List.of(recurrence)));
    }

    private Page<WindowItem> window(boolean expand, OptionalInt limit, Optional<String> cursor) {
        return events.window().window(new ListWindowUseCase.Query(ADA, work.id(),
                Instant.parse("2026-03-09T00:00:00Z"), Instant.parse("2026-03-16T00:00:00Z"), Optional.empty(),
                limit, cursor, expand));
    }

    private static String describe(WindowItem item) {
        if (item instanceof WindowItem.Instance i) {
            return i.occurrence().series().title() + "@" + i.key();
        }
        if (item instanceof WindowItem.Master m) {
            return "master " + m.series().title();
        }
        return ((WindowItem.Single) item).event().title();
    }

    @Test
    void singles_and_occurrences_come_merged_in_start_order() {
        schedule("Standup", "2026-03-02T09:00", "2026-03-02T09:15", "RRULE:FREQ=WEEKLY;BYDAY=MO,WE",
                "EXDATE;TZID=Europe/Berlin:20260311T090000");
        schedule("Review", "2026-03-10T10:00", "2026-03-10T11:00");

        assertThat(window(true, OptionalInt.empty(), Optional.empty()).items()).extracting(WindowUseCaseTest::describe)
                .containsExactly("Standup@20260309T090000", "Review");
    }

    @Test
    void the_expand_flag_off_returns_the_masters_instead() {
        schedule("Standup", "2026-03-02T09:00", "2026-03-02T09:15", "RRULE:FREQ=DAILY");
        schedule("Review", "2026-03-10T10:00", "2026-03-10T11:00");

        assertThat(window(false, OptionalInt.empty(), Optional.empty()).items())
                .extracting(WindowUseCaseTest::describe).containsExactly("master Standup", "Review");
    }

    @Test
    void one_cursor_pages_across_singles_and_occurrences_without_losing_or_repeating_any() {
        schedule("Daily", "2026-03-01T09:00", "2026-03-01T09:30", "RRULE:FREQ=DAILY");
        schedule("Also daily", "2026-03-01T09:00", "2026-03-01T09:30", "RRULE:FREQ=DAILY");
        schedule("Single", "2026-03-12T09:00", "2026-03-12T09:30");
        List<String> everything = window(true, OptionalInt.of(500), Optional.empty()).items().stream()
                .map(WindowUseCaseTest::describe).toList();
        assertThat(everything).hasSize(15);

        List<String> paged = new ArrayList<>();
        Optional<String> cursor = Optional.empty();
        do {
            Page<WindowItem> page = window(true, OptionalInt.of(2), cursor);
            page.items().forEach(i -> paged.add(describe(i)));
            cursor = page.nextCursor();
        } while (cursor.isPresent());
        assertThat(paged).containsExactlyElementsOf(everything);
    }

    @Test
    void paging_finds_occurrences_that_overrides_moved_ahead_of_or_behind_the_page_being_built() {
        // Pages of three hold only the week's first items, so series are expanded only part of the way into the
        // week; overrides must still put each moved occurrence on its page.
        Event daily = create("Daily", "2026-03-01T09:00", "2026-03-01T09:30", "RRULE:FREQ=DAILY");
        Event weekly = create("Weekly", "2026-03-02T13:00", "2026-03-02T14:00", "RRULE:FREQ=WEEKLY;BYDAY=MO,FR");
        Event late = create("Late", "2026-03-01T18:00", "2026-03-01T19:00", "RRULE:FREQ=DAILY;COUNT=40");
        schedule("Single", "2026-03-12T09:00", "2026-03-12T09:30");
        // Sunday's daily meeting moves to the very start of the week; Monday's weekly one to Sunday evening.
        move(daily, "20260315T090000", "2026-03-09T07:00", "2026-03-09T07:30");
        move(weekly, "20260309T130000", "2026-03-15T20:00", "2026-03-15T21:00");
        // An occurrence of the week before moves into this week's Wednesday; one of next week moves into Tuesday.
        move(late, "20260306T180000", "2026-03-11T06:00", "2026-03-11T06:30");
        move(late, "20260318T180000", "2026-03-10T06:00", "2026-03-10T06:30");
        List<String> everything = window(true, OptionalInt.of(500), Optional.empty()).items().stream()
                .map(WindowUseCaseTest::describe).toList();
        assertThat(everything).hasSize(7 + 2 + 7 + 2 + 1).startsWith("Daily@20260315T090000")
                .endsWith("Weekly@20260309T130000")
                .contains("Late@20260306T180000", "Late@20260318T180000");

        for (int size = 1; size <= 4; size++) {
            List<String> paged = new ArrayList<>();
            Optional<String> cursor = Optional.empty();
            do {
                Page<WindowItem> page = window(true, OptionalInt.of(size), cursor);
                page.items().forEach(i -> paged.add(describe(i)));
                cursor = page.nextCursor();
            } while (cursor.isPresent());
            assertThat(paged).as("pages of %d", size).containsExactlyElementsOf(everything);
        }
    }

    private Event create(String title, String start, String end, String... recurrence) {
        return events.create().create(new CreateEventUseCase.Command(ADA, work.id(), title, Optional.empty(),
                Optional.empty(), new TimeInput.Wall(LocalDateTime.parse(start), BERLIN),
                new TimeInput.Wall(LocalDateTime.parse(end), BERLIN), Optional.empty(), List.of(recurrence)));
    }

    private void move(Event series, String key, String start, String end) {
        events.occurrences().change(new OccurrenceUseCase.Change(ADA, work.id(),
                OccurrenceId.parse(series.id() + "_" + key).orElseThrow(), EditScope.THIS, OptionalLong.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(new TimeInput.Wall(LocalDateTime.parse(start), BERLIN)),
                Optional.of(new TimeInput.Wall(LocalDateTime.parse(end), BERLIN)), Optional.empty(),
                Optional.empty()));
    }

    @Test
    void a_cursor_that_was_not_handed_out_is_refused() {
        var e = catchThrowableOfType(RuleViolationException.class,
                () -> window(true, OptionalInt.empty(), Optional.of("bm90IGEgY3Vyc29y")));
        assertThat(e.code()).isEqualTo("page.cursor.invalid");
    }

    @Test
    void a_cursor_from_the_expanded_list_is_refused_by_the_masters_list() {
        schedule("Daily", "2026-03-01T09:00", "2026-03-01T09:30", "RRULE:FREQ=DAILY");
        String cursor = window(true, OptionalInt.of(1), Optional.empty()).nextCursor().orElseThrow();

        var e = catchThrowableOfType(RuleViolationException.class,
                () -> window(false, OptionalInt.of(1), Optional.of(cursor)));
        assertThat(e.code()).isEqualTo("page.cursor.invalid");
    }

    @Test
    void a_window_beyond_the_years_events_can_hold_and_a_bad_filter_are_refused_together() {
        var e = catchThrowableOfType(RuleViolationException.class, () -> events.window().window(
                new ListWindowUseCase.Query(ADA, work.id(), Instant.parse("2026-03-09T00:00:00Z"),
                        Instant.parse("+300000-01-01T00:00:00Z"), Optional.of("a\u0000b"), OptionalInt.of(0),
                        Optional.empty(), true)));
        assertThat(e.violations()).extracting(v -> v.code()).containsExactly("window.out_of_range",
                "page.limit.out_of_range", "window.filter.control_characters");
    }

    @Test
    void an_invalid_rule_is_refused_naming_its_part_and_nothing_is_stored() {
        var e = catchThrowableOfType(RuleViolationException.class,
                () -> schedule("Bad", "2026-03-02T09:00", "2026-03-02T09:15", "RRULE:FREQ=WEEKLY;BYDAY=FUNDAY"));
        assertThat(e.violations()).extracting(v -> v.field()).containsExactly("recurrence[0].BYDAY");
        assertThat(window(false, OptionalInt.empty(), Optional.empty()).items()).isEmpty();
    }
}
