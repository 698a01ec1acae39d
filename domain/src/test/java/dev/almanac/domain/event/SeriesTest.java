package dev.almanac.domain.event;

import static dev.almanac.domain.event.RecurrenceDstTest.series;
import static dev.almanac.domain.testing.Events.day;
import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Overrides of single occurrences, and the three edit scopes, never losing an override silently. */
class SeriesTest {
    private static final String BERLIN = "Europe/Berlin";
    private static final Instant NOW = Instant.parse("2026-08-01T00:00:00Z");
    private final AtomicInteger counter = new AtomicInteger();
    private final Supplier<EventId> ids = () -> new EventId(new UUID(42, counter.incrementAndGet()));

    /** Mondays 09:00-10:00 in Berlin from 7 September 2026, ten times. */
    private Series mondays(String rule) {
        return Series.of(series(wall("2026-09-07T09:00", BERLIN), wall("2026-09-07T10:00", BERLIN), BERLIN, rule),
                List.of());
    }

    private static TimePoint.Wall berlin(String local) {
        return wall(local, BERLIN);
    }

    private static EventChanges title(String title) {
        return new EventChanges(Optional.of(title), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static EventChanges moved(TimePoint start, TimePoint end) {
        return new EventChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(start),
                Optional.of(end), Optional.empty());
    }

    private static List<String> titles(Series series, String from, String to) {
        return series.occurrences(Instant.parse(from), Instant.parse(to)).stream()
                .map(o -> OccurrenceId.key(o.originalStart()) + " " + o.title()).toList();
    }

    @Nested
    class ChangingOneOccurrence {
        @Test
        void an_override_shows_its_own_title_and_the_others_keep_the_series_title() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=3")
                    .changeOccurrence(berlin("2026-09-14T09:00"), title("Moved review"), NOW);
            assertThat(titles(s, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z")).containsExactly(
                    "20260907T090000 Standup", "20260914T090000 Moved review", "20260921T090000 Standup");
        }

        @Test
        void an_occurrence_moved_out_of_the_window_leaves_it_and_one_moved_in_joins_it() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=3").changeOccurrence(berlin("2026-09-14T09:00"),
                    moved(berlin("2026-10-05T09:00"), berlin("2026-10-05T10:00")), NOW);
            assertThat(titles(s, "2026-09-13T00:00:00Z", "2026-09-20T00:00:00Z")).isEmpty();
            assertThat(titles(s, "2026-10-04T00:00:00Z", "2026-10-06T00:00:00Z"))
                    .containsExactly("20260914T090000 Standup");
        }

        @Test
        void walking_only_up_to_a_latest_start_still_finds_earlier_occurrences_that_overrides_moved() {
            // The fourth Monday moved to the window's first morning: a walk that stops after the second Monday
            // must still return it, and nothing that starts later than asked.
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=6").changeOccurrence(berlin("2026-09-28T09:00"),
                    moved(berlin("2026-09-07T07:00"), berlin("2026-09-07T08:00")), NOW);
            List<String> walked = s.occurrences(Instant.parse("2026-09-01T00:00:00Z"),
                            Instant.parse("2026-11-01T00:00:00Z"), o -> true, 100,
                            Instant.parse("2026-09-14T07:00:00Z")).stream()
                    .map(o -> OccurrenceId.key(o.originalStart())).toList();
            assertThat(walked).containsExactly("20260928T090000", "20260907T090000", "20260914T090000");
        }

        @Test
        void a_walk_up_to_a_latest_start_keeps_wall_times_after_a_dst_gap_that_start_earlier_than_those_in_it() {
            // Berlin skips 02:00-03:00 on 29 March 2026: 02:15 and 02:45 move to 03:15 and 03:45, so 03:15 (01:15Z)
            // comes after 02:45 (01:45Z) in wall-clock order but starts before it.
            Series s = Series.of(series(berlin("2026-03-28T02:15"), berlin("2026-03-28T02:20"), BERLIN,
                    "RRULE:FREQ=DAILY;BYHOUR=2,3;BYMINUTE=15,45"), List.of());
            List<String> walked = s.occurrences(Instant.parse("2026-03-29T00:00:00Z"),
                            Instant.parse("2026-03-30T00:00:00Z"), o -> true, 100,
                            Instant.parse("2026-03-29T01:30:00Z")).stream()
                    .map(o -> OccurrenceId.key(o.originalStart())).toList();
            assertThat(walked).containsExactlyInAnyOrder("20260329T021500", "20260329T031500");
        }

        @Test
        void an_occurrence_that_keeps_its_wall_clock_length_in_the_autumn_overlap_is_found_by_its_real_end() {
            // 02:50-03:10 on 25 October 2026 in Berlin: the exact end (01:10Z) falls in the repeated hour, so the
            // occurrence keeps its wall-clock length and ends at 03:10 CET, 02:10Z.
            Series s = Series.of(series(berlin("2026-10-20T02:50"), berlin("2026-10-20T03:10"), BERLIN,
                    "RRULE:FREQ=DAILY"), List.of());
            assertThat(s.occurrences(Instant.parse("2026-10-25T01:30:00Z"), Instant.parse("2026-10-25T03:00:00Z")))
                    .extracting(o -> OccurrenceId.key(o.originalStart()))
                    .containsExactly("20261025T025000");
        }

        @Test
        void an_override_of_a_start_that_is_no_occurrence_is_refused() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=3");
            assertThatThrownBy(() -> s.changeOccurrence(berlin("2026-09-15T09:00"), title("x"), NOW))
                    .isInstanceOf(NotFoundException.class);
            var stray = new OccurrenceOverride(berlin("2026-09-15T09:00"), "x", "", "",
                    EventTime.timed(berlin("2026-09-15T09:00"), berlin("2026-09-15T10:00")), EventStatus.CONFIRMED);
            assertThatThrownBy(() -> Series.of(s.master(), List.of(stray)))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.code()).isEqualTo("event.occurrence.not_an_occurrence"));
        }

        @Test
        void two_overrides_of_one_original_start_are_refused() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=3");
            var one = new OccurrenceOverride(berlin("2026-09-14T09:00"), "x", "", "",
                    EventTime.timed(berlin("2026-09-14T09:00"), berlin("2026-09-14T10:00")), EventStatus.CONFIRMED);
            assertThatThrownBy(() -> Series.of(s.master(), List.of(one, one)))
                    .isInstanceOfSatisfying(RuleViolationException.class,
                            e -> assertThat(e.code()).isEqualTo("event.occurrence.override_duplicate"));
        }

        @Test
        void removing_an_occurrence_excludes_it_and_drops_its_override() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=3")
                    .changeOccurrence(berlin("2026-09-14T09:00"), title("Gone"), NOW)
                    .removeOccurrence(berlin("2026-09-14T09:00"), NOW);
            assertThat(s.overrides()).isEmpty();
            assertThat(s.master().recurrence().lines()).contains("EXDATE;TZID=Europe/Berlin:20260914T090000");
            assertThat(titles(s, "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z")).hasSize(2);
        }
    }

    @Nested
    class ThisAndFollowing {
        @Test
        void the_series_is_cut_and_overrides_on_both_sides_stay_with_their_occurrences() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=6")
                    .changeOccurrence(berlin("2026-09-14T09:00"), title("Before the cut"), NOW)
                    .changeOccurrence(berlin("2026-10-05T09:00"), title("After the cut"), NOW);
            EventId newId = new EventId(new UUID(7, 7));
            SeriesEdit edit = s.split(berlin("2026-09-21T09:00"), title("New phase"), Optional.empty(), newId, ids,
                    NOW);

            Series before = edit.series();
            Series after = edit.split().orElseThrow();
            assertThat(before.master().recurrence().lines()).containsExactly("RRULE:FREQ=WEEKLY;UNTIL=20260921T065959Z");
            assertThat(titles(before, "2026-09-01T00:00:00Z", "2027-01-01T00:00:00Z")).containsExactly(
                    "20260907T090000 Standup", "20260914T090000 Before the cut");
            assertThat(after.id()).isEqualTo(newId);
            assertThat(after.master().recurrence().lines()).containsExactly("RRULE:FREQ=WEEKLY;COUNT=4");
            assertThat(titles(after, "2026-09-01T00:00:00Z", "2027-01-01T00:00:00Z")).containsExactly(
                    "20260921T090000 New phase", "20260928T090000 New phase", "20261005T090000 After the cut",
                    "20261012T090000 New phase");
            assertThat(edit.detached()).isEmpty();
        }

        @Test
        void moving_the_following_occurrences_carries_their_overrides_along() {
            Series s = mondays("RRULE:FREQ=WEEKLY")
                    .changeOccurrence(berlin("2026-10-05T09:00"), title("Kept"), NOW);
            SeriesEdit edit = s.split(berlin("2026-09-21T09:00"),
                    moved(berlin("2026-09-21T14:00"), berlin("2026-09-21T15:00")), Optional.empty(),
                    new EventId(new UUID(7, 7)), ids, NOW);
            assertThat(edit.carried()).containsExactly(
                    new SeriesEdit.Carried(berlin("2026-10-05T09:00"), berlin("2026-10-05T14:00")));
            assertThat(titles(edit.split().orElseThrow(), "2026-10-05T00:00:00Z", "2026-10-06T00:00:00Z"))
                    .containsExactly("20261005T140000 Kept");
        }

        @Test
        void at_the_first_occurrence_the_whole_series_changes() {
            SeriesEdit edit = mondays("RRULE:FREQ=WEEKLY;COUNT=3").split(berlin("2026-09-07T09:00"), title("All"),
                    Optional.empty(), new EventId(new UUID(7, 7)), ids, NOW);
            assertThat(edit.split()).isEmpty();
            assertThat(edit.series().master().title()).isEqualTo("All");
        }
    }

    @Nested
    class ChangingTheWholeSeries {
        @Test
        void a_rule_change_carries_the_overrides_that_still_have_an_occurrence_and_detaches_the_others() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=6")
                    .changeOccurrence(berlin("2026-09-14T09:00"), title("Second"), NOW)
                    .changeOccurrence(berlin("2026-10-05T09:00"), title("Fifth"), NOW);
            Event shorter = s.master().recurring(
                    Recurrence.parse(List.of("RRULE:FREQ=WEEKLY;COUNT=3"), s.master().time().start()), NOW);
            SeriesEdit edit = s.revise(shorter, ids, NOW);
            assertThat(edit.series().overrides()).extracting(OccurrenceOverride::title).containsExactly("Second");
            assertThat(edit.detached()).singleElement().satisfies(d -> {
                assertThat(d.originalStart()).isEqualTo(berlin("2026-10-05T09:00"));
                assertThat(d.event().title()).isEqualTo("Fifth");
                assertThat(d.event().isSeries()).isFalse();
                assertThat(d.event().slot().start()).isEqualTo(Instant.parse("2026-10-05T07:00:00Z"));
            });
        }

        @Test
        void moving_the_master_carries_overrides_by_the_same_shift() {
            Series s = mondays("RRULE:FREQ=WEEKLY;COUNT=3")
                    .changeOccurrence(berlin("2026-09-14T09:00"), title("Second"), NOW);
            Event later = s.master().revise(moved(berlin("2026-09-08T11:00"), berlin("2026-09-08T12:00")),
                    s.master().anchorZone(), NOW);
            SeriesEdit edit = s.revise(later, ids, NOW);
            assertThat(edit.carried()).containsExactly(
                    new SeriesEdit.Carried(berlin("2026-09-14T09:00"), berlin("2026-09-15T11:00")));
            assertThat(titles(edit.series(), "2026-09-01T00:00:00Z", "2026-10-01T00:00:00Z")).containsExactly(
                    "20260908T110000 Standup", "20260915T110000 Second", "20260922T110000 Standup");
        }

        @Test
        void an_all_day_series_shifted_by_days_carries_by_days() {
            Event days = series(day("2026-09-07"), day("2026-09-08"), BERLIN, "RRULE:FREQ=WEEKLY;COUNT=3");
            Series s = Series.of(days, List.of()).changeOccurrence(day("2026-09-14"), title("Second"), NOW);
            Event later = s.master().revise(moved(day("2026-09-09"), day("2026-09-10")), s.master().anchorZone(), NOW);
            assertThat(s.revise(later, ids, NOW).carried())
                    .containsExactly(new SeriesEdit.Carried(day("2026-09-14"), day("2026-09-16")));
        }
    }

    /**
     * A counted series is walked from its first occurrence (its COUNT needs every earlier one), but the ones that
     * end before the window are skipped unresolved: an occurrence that began days before the window and still runs
     * into it must stay.
     */
    @Nested
    class ListingAWindowOfACountedSeries {
        @Test
        void an_occurrence_that_began_three_days_before_the_window_and_runs_into_it_is_listed() {
            Series s = Series.of(series(berlin("2026-09-07T09:00"), berlin("2026-09-10T09:00"), BERLIN,
                    "RRULE:FREQ=WEEKLY;COUNT=20"), List.of());
            assertThat(titles(s, "2026-12-10T00:00:00Z", "2026-12-10T06:00:00Z"))
                    .containsExactly("20261207T090000 Standup");
            assertThat(titles(s, "2026-12-10T08:00:00Z", "2026-12-14T08:00:00Z")).isEmpty();
            assertThat(titles(s, "2027-01-18T00:00:00Z", "2027-02-01T00:00:00Z"))
                    .containsExactly("20270118T090000 Standup");
        }

        @Test
        void an_all_day_occurrence_that_began_before_the_window_and_runs_into_it_is_listed() {
            Series s = Series.of(series(day("2026-09-07"), day("2026-09-10"), BERLIN, "RRULE:FREQ=WEEKLY;COUNT=20"),
                    List.of());
            assertThat(titles(s, "2026-12-09T12:00:00Z", "2026-12-09T13:00:00Z")).containsExactly("20261207 Standup");
            assertThat(titles(s, "2026-12-10T00:00:00Z", "2026-12-13T22:00:00Z")).isEmpty();
        }
    }
}
