package dev.almanac.application.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.calendar.CreateCalendarUseCase;
import dev.almanac.application.fakes.InMemoryStore;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.OccurrenceId;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.StaleVersionException;
import dev.almanac.domain.testing.Ids;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Occurrences are read, overridden, cut and removed through their ids, by scope, in one transaction each. */
class OccurrenceUseCaseTest {
    private static final AccountId ADA = Ids.account(1);
    private static final AccountId EVE = Ids.account(2);
    private static final String BERLIN = "Europe/Berlin";

    private final InMemoryStore store = new InMemoryStore();
    private final MutableClock clock = MutableClock.at("2026-03-01T08:00:00Z");
    private final SequentialIds ids = new SequentialIds();
    private final CalendarUseCases calendars = CalendarUseCases.wire(store.calendars(), ids, clock);
    private final EventUseCases events = EventUseCases.wire(store.calendars(), store.events(), ids, clock);
    private Calendar work;
    private Event standup;

    @BeforeEach
    void aWeeklySeries() {
        work = calendars.create().create(new CreateCalendarUseCase.Command(ADA, "Work", Optional.empty(), BERLIN));
        standup = events.create().create(new CreateEventUseCase.Command(ADA, work.id(), "Standup", Optional.empty(),
                Optional.empty(), wall("2026-03-02T09:00"), wall("2026-03-02T09:15"), Optional.empty(),
                List.of("RRULE:FREQ=WEEKLY;COUNT=6")));
    }

    private static TimeInput wall(String local) {
        return new TimeInput.Wall(LocalDateTime.parse(local), BERLIN);
    }

    private OccurrenceId.Parsed id(String key) {
        return OccurrenceId.parse(standup.id() + "_" + key).orElseThrow();
    }

    private OccurrenceUseCase.Change change(String key, EditScope scope, Optional<String> title,
                                            Optional<TimeInput> start, Optional<TimeInput> end) {
        return new OccurrenceUseCase.Change(ADA, work.id(), id(key), scope, OptionalLong.empty(), title,
                Optional.empty(), Optional.empty(), start, end, Optional.empty(), Optional.empty());
    }

    private List<String> week(String from, String to) {
        return events.window().window(new ListWindowUseCase.Query(ADA, work.id(), Instant.parse(from),
                Instant.parse(to), Optional.empty(), OptionalInt.of(100), Optional.empty(), true)).items().stream()
                .map(i -> ((WindowItem.Instance) i).occurrence())
                .map(o -> o.title() + "@" + OccurrenceId.key(o.originalStart()) + "/" + o.status())
                .toList();
    }

    @Test
    void an_occurrence_changed_alone_shows_its_change_in_the_window_and_when_read() {
        var result = events.occurrences().change(change("20260309T090000", EditScope.THIS, Optional.of("Retro"),
                Optional.empty(), Optional.empty()));
        assertThat(result.occurrence()).get().satisfies(o -> assertThat(o.title()).isEqualTo("Retro"));
        assertThat(events.occurrences().get(ADA, work.id(), id("20260309T090000")).title()).isEqualTo("Retro");
        assertThat(week("2026-03-01T00:00:00Z", "2026-03-17T00:00:00Z"))
                .containsExactly("Standup@20260302T090000/CONFIRMED", "Retro@20260309T090000/CONFIRMED",
                        "Standup@20260316T090000/CONFIRMED");
    }

    @Test
    void a_cancelled_occurrence_is_listed_as_cancelled_and_a_deleted_one_is_gone() {
        events.occurrences().change(new OccurrenceUseCase.Change(ADA, work.id(), id("20260309T090000"),
                EditScope.THIS, OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(EventStatus.CANCELLED), Optional.empty()));
        events.occurrences().remove(new OccurrenceUseCase.Removal(ADA, work.id(), id("20260316T090000"),
                EditScope.THIS, OptionalLong.empty()));
        assertThat(week("2026-03-01T00:00:00Z", "2026-03-24T00:00:00Z"))
                .containsExactly("Standup@20260302T090000/CONFIRMED", "Standup@20260309T090000/CANCELLED",
                        "Standup@20260323T090000/CONFIRMED");
    }

    @Test
    void this_and_following_cuts_the_series_and_keeps_overrides_on_both_sides() {
        events.occurrences().change(change("20260309T090000", EditScope.THIS, Optional.of("Early"),
                Optional.empty(), Optional.empty()));
        events.occurrences().change(change("20260330T090000", EditScope.THIS, Optional.of("Late"),
                Optional.empty(), Optional.empty()));
        var result = events.occurrences().change(change("20260323T090000", EditScope.FOLLOWING,
                Optional.of("Phase two"), Optional.of(wall("2026-03-23T10:00")), Optional.of(wall("2026-03-23T10:15"))));

        Event next = result.master();
        assertThat(next.id()).isNotEqualTo(standup.id());
        assertThat(result.edit().carried()).hasSize(1);
        assertThat(week("2026-03-01T00:00:00Z", "2026-05-01T00:00:00Z")).containsExactly(
                "Standup@20260302T090000/CONFIRMED", "Early@20260309T090000/CONFIRMED",
                "Standup@20260316T090000/CONFIRMED", "Phase two@20260323T100000/CONFIRMED",
                "Late@20260330T100000/CONFIRMED", "Phase two@20260406T100000/CONFIRMED");
    }

    @Test
    void changing_the_rule_of_the_series_detaches_an_override_whose_occurrence_is_gone() {
        events.occurrences().change(change("20260330T090000", EditScope.THIS, Optional.of("Late"),
                Optional.empty(), Optional.empty()));
        var edit = events.update().updateReporting(new UpdateEventUseCase.Command(ADA, work.id(), standup.id(),
                OptionalLong.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.of(List.of("RRULE:FREQ=WEEKLY;COUNT=2"))));
        assertThat(edit.detached()).singleElement().satisfies(d -> {
            assertThat(d.event().title()).isEqualTo("Late");
            assertThat(events.get().get(ADA, work.id(), d.event().id()).isSeries()).isFalse();
        });
    }

    @Test
    void scope_all_through_an_occurrence_moves_every_occurrence_by_the_same_shift() {
        var result = events.occurrences().change(change("20260316T090000", EditScope.ALL, Optional.empty(),
                Optional.of(wall("2026-03-16T11:00")), Optional.empty()));
        assertThat(result.master().id()).isEqualTo(standup.id());
        assertThat(week("2026-03-01T00:00:00Z", "2026-03-10T00:00:00Z"))
                .containsExactly("Standup@20260302T110000/CONFIRMED", "Standup@20260309T110000/CONFIRMED");
    }

    @Test
    void deleting_following_from_the_first_occurrence_deletes_the_series() {
        assertThat(events.occurrences().remove(new OccurrenceUseCase.Removal(ADA, work.id(), id("20260302T090000"),
                EditScope.FOLLOWING, OptionalLong.empty()))).isEmpty();
        assertThatThrownBy(() -> events.get().get(ADA, work.id(), standup.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void an_id_that_is_no_occurrence_is_not_found_and_a_stranger_sees_nothing() {
        assertThatThrownBy(() -> events.occurrences().get(ADA, work.id(), id("20260303T090000")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> events.occurrences().get(ADA, work.id(), id("20260303")))
                .isInstanceOf(NotFoundException.class);
        assertThatThrownBy(() -> events.occurrences().get(EVE, work.id(), id("20260302T090000")))
                .isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_recurrence_for_one_occurrence_and_a_stale_version_are_refused() {
        var refused = catchThrowableOfType(() -> events.occurrences().change(new OccurrenceUseCase.Change(ADA,
                work.id(), id("20260309T090000"), EditScope.THIS, OptionalLong.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(List.of("RRULE:FREQ=DAILY")))), RuleViolationException.class);
        assertThat(refused.violations()).extracting(v -> v.code())
                .containsExactly("event.occurrence.recurrence_needs_scope");
        assertThatThrownBy(() -> events.occurrences().change(new OccurrenceUseCase.Change(ADA, work.id(),
                id("20260309T090000"), EditScope.THIS, OptionalLong.of(7), Optional.of("x"), Optional.empty(),
                Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty())))
                .isInstanceOf(StaleVersionException.class);
    }
}
