package dev.almanac.domain.event;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static dev.almanac.domain.testing.Events.anEvent;
import static dev.almanac.domain.testing.Events.day;
import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.testing.Ids;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant LATER = T0.plus(Duration.ofHours(1));

    private static EventChanges changes() {
        return EventChanges.none();
    }

    private static EventChanges title(String value) {
        return new EventChanges(Optional.of(value), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    private static EventChanges start(TimePoint value) {
        return new EventChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of(value),
                Optional.empty(), Optional.empty());
    }

    private static EventChanges end(TimePoint value) {
        return new EventChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.of(value), Optional.empty());
    }

    private static EventChanges status(EventStatus value) {
        return new EventChanges(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.of(value));
    }

    @Nested
    class Scheduling {

        @Test
        void a_new_event_is_confirmed_by_default_at_version_zero() {
            var event = Event.schedule(Ids.event(1), Ids.calendar(1), "Standup", null, null,
                    anEvent().time(), Optional.empty(), BERLIN, T0);
            assertThat(event.status()).isEqualTo(EventStatus.CONFIRMED);
            assertThat(event.version()).isZero();
            assertThat(event.createdAt()).isEqualTo(T0);
            assertThat(event.updatedAt()).isEqualTo(T0);
            assertThat(event.description()).isEmpty();
            assertThat(event.location()).isEmpty();
        }

        @Test
        void a_new_event_may_be_tentative() {
            assertThat(anEvent().withStatus(EventStatus.TENTATIVE).build().status()).isEqualTo(EventStatus.TENTATIVE);
        }

        @Test
        void a_new_event_cannot_start_cancelled() {
            assertViolation(() -> Event.schedule(Ids.event(1), Ids.calendar(1), "Standup", "", "", anEvent().time(),
                    Optional.of(EventStatus.CANCELLED), BERLIN, T0), "status", "event.status.cancelled_on_create");
        }

        @Test
        void the_slot_is_derived_from_the_wall_time() {
            var event = anEvent().timed("2026-03-09T09:00", "2026-03-09T10:00", "America/New_York").build();
            assertThat(event.slot()).isEqualTo(new TimeSlot(
                    Instant.parse("2026-03-09T13:00:00Z"), Instant.parse("2026-03-09T14:00:00Z")));
        }

        @Test
        void an_all_day_slot_is_anchored_in_the_calendar_zone() {
            var inKiritimati = anEvent().allDay("2026-07-01", "2026-07-02").inCalendarZone("Pacific/Kiritimati").build();
            var inPagoPago = anEvent().allDay("2026-07-01", "2026-07-02").inCalendarZone("Pacific/Pago_Pago").build();
            assertThat(inKiritimati.slot().start()).isEqualTo(Instant.parse("2026-06-30T10:00:00Z"));
            assertThat(inPagoPago.slot().start()).isEqualTo(Instant.parse("2026-07-01T11:00:00Z"));
            assertThat(inKiritimati.time()).isEqualTo(inPagoPago.time());
        }
    }

    @Nested
    class OnADayTheCalendarZoneSkipped {

        @Test
        void an_all_day_event_can_be_scheduled_and_moved_into_that_zone() {
            var newYearsEve = anEvent().allDay("1994-12-31", "1995-01-01").inCalendarZone("Pacific/Kiritimati").build();
            assertThat(newYearsEve.slot().duration()).isEqualTo(Duration.ofDays(1));
            var elsewhere = anEvent().allDay("2011-12-30", "2011-12-31").inCalendarZone("Europe/Berlin").build();
            assertThat(elsewhere.anchoredIn(ZoneId.of("Pacific/Apia")).slot().duration()).isEqualTo(Duration.ofDays(1));
        }
    }

    @Nested
    class Texts {

        @Test
        void the_title_is_trimmed() {
            assertThat(anEvent().titled("  Standup  ").build().title()).isEqualTo("Standup");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "  \t "})
        void a_blank_title_is_refused(String title) {
            assertViolation(() -> anEvent().titled(title).build(), "title", "event.title.blank");
        }

        @Test
        void a_title_of_500_characters_is_accepted_and_501_refused() {
            assertThat(anEvent().titled("t".repeat(500)).build().title()).hasSize(500);
            assertViolation(() -> anEvent().titled("t".repeat(501)).build(), "title", "event.title.too_long");
        }

        @Test
        void a_title_with_a_line_break_is_refused() {
            assertViolation(() -> anEvent().titled("Stand\nup").build(), "title", "event.title.control_characters");
        }

        @Test
        void a_description_may_hold_50000_characters_with_line_breaks_and_tabs() {
            String text = ("line\twith tab\n").repeat(50_000 / 14) ;
            assertThat(anEvent().describedAs(text).build().description()).isEqualTo(text);
            assertViolation(() -> anEvent().describedAs("d".repeat(50_001)).build(),
                    "description", "event.description.too_long");
        }

        @Test
        void a_description_with_an_escape_character_is_refused() {
            assertViolation(() -> anEvent().describedAs("\u001B[2J").build(),
                    "description", "event.description.control_characters");
        }

        @Test
        void a_location_is_a_single_line_of_at_most_1000_characters() {
            assertThat(anEvent().at("  Room 4  ").build().location()).isEqualTo("Room 4");
            assertThat(anEvent().at("l".repeat(1000)).build().location()).hasSize(1000);
            assertViolation(() -> anEvent().at("l".repeat(1001)).build(), "location", "event.location.too_long");
            assertViolation(() -> anEvent().at("Room\n4").build(), "location", "event.location.control_characters");
        }

        @Test
        void a_blank_location_means_none() {
            assertThat(anEvent().at("   ").build().location()).isEmpty();
        }
    }

    @Nested
    class Revising {

        private final Event event = anEvent().titled("Standup").describedAs("Daily").at("Room 4")
                .timed("2026-03-09T09:00", "2026-03-09T09:15", "Europe/Berlin")
                .withStatus(EventStatus.TENTATIVE).scheduledAt(T0).atVersion(2).build();

        @Test
        void nothing_changes_not_even_the_update_time_when_no_part_is_given() {
            assertThat(event.revise(changes(), BERLIN, LATER)).isSameAs(event);
        }

        @Test
        void giving_every_part_its_current_value_changes_nothing_either() {
            var same = event.revise(title("  " + event.title() + " "), BERLIN, LATER);
            assertThat(same).isSameAs(event);
            assertThat(event.moveTo(event.status(), LATER)).isSameAs(event);
        }

        @Test
        void changing_the_title_changes_only_the_title() {
            var renamed = event.revise(title("Retro"), BERLIN, LATER);
            assertThat(renamed.title()).isEqualTo("Retro");
            assertThat(renamed).usingRecursiveComparison().ignoringFields("title", "updatedAt").isEqualTo(event);
        }

        @Test
        void an_empty_description_or_location_clears_it() {
            var cleared = event.revise(new EventChanges(Optional.empty(), Optional.of(""), Optional.of(""),
                    Optional.empty(), Optional.empty(), Optional.empty()), BERLIN, LATER);
            assertThat(cleared.description()).isEmpty();
            assertThat(cleared.location()).isEmpty();
            assertThat(cleared.title()).isEqualTo("Standup");
        }

        @Test
        void a_revised_title_obeys_the_title_rules() {
            assertViolation(() -> event.revise(title(" "), BERLIN, LATER), "title", "event.title.blank");
        }

        @Test
        void moving_only_the_end_keeps_the_start_and_rederives_the_slot() {
            var longer = event.revise(end(wall("2026-03-09T10:00", "Europe/Berlin")), BERLIN, LATER);
            assertThat(longer.time().start()).isEqualTo(event.time().start());
            assertThat(longer.slot().duration()).isEqualTo(Duration.ofHours(1));
        }

        @Test
        void moving_only_the_end_before_the_start_is_refused() {
            assertViolation(() -> event.revise(end(wall("2026-03-09T08:00", "Europe/Berlin")), BERLIN, LATER),
                    "end", "event.time.end_not_after_start");
        }

        @Test
        void moving_only_the_end_years_away_rechecks_the_span() {
            assertViolation(() -> event.revise(end(wall("2031-03-11T09:00", "Europe/Berlin")), BERLIN, LATER),
                    "end", "event.time.span_too_long");
        }

        @Test
        void moving_only_the_start_past_the_end_is_refused() {
            assertViolation(() -> event.revise(start(wall("2026-03-09T09:15", "Europe/Berlin")), BERLIN, LATER),
                    "end", "event.time.end_not_after_start");
        }

        @Test
        void moving_only_one_end_to_a_date_mixes_kinds_and_is_refused() {
            assertViolation(() -> event.revise(start(day("2026-03-09")), BERLIN, LATER),
                    "end", "event.time.mixed_kinds");
        }

        @Test
        void a_status_change_follows_the_machine() {
            assertThat(event.revise(status(EventStatus.CONFIRMED), BERLIN, LATER).status())
                    .isEqualTo(EventStatus.CONFIRMED);
            var cancelled = event.revise(status(EventStatus.CANCELLED), BERLIN, LATER);
            assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
            var e = assertViolation(() -> cancelled.revise(status(EventStatus.TENTATIVE), BERLIN, LATER),
                    "status", "event.status.illegal_transition");
            assertThat(e.getMessage()).contains("CANCELLED", "TENTATIVE");
        }

        @Test
        void a_refused_change_leaves_the_event_as_it_was() {
            assertViolation(() -> event.revise(new EventChanges(Optional.of("Retro"), Optional.empty(),
                    Optional.empty(), Optional.of(wall("2026-03-09T11:00", "Europe/Berlin")), Optional.empty(),
                    Optional.empty()), BERLIN, LATER), "end", "event.time.end_not_after_start");
            assertThat(event.title()).isEqualTo("Standup");
        }

        @Test
        void the_version_is_not_bumped_by_the_domain_but_by_the_store() {
            assertThat(event.revise(title("Retro"), BERLIN, LATER).version()).isEqualTo(2);
            assertThat(event.atVersion(3).version()).isEqualTo(3);
            assertThat(event.atVersion(3)).usingRecursiveComparison().ignoringFields("version").isEqualTo(event);
        }

        @Test
        void a_clock_that_went_back_never_moves_updated_at_backwards() {
            assertThat(event.revise(title("Retro"), BERLIN, T0.minusSeconds(60)).updatedAt()).isEqualTo(T0);
        }
    }

    @Nested
    class MovingStatus {

        private final Event confirmed = anEvent().scheduledAt(T0).build();

        @Test
        void cancelling_a_confirmed_event_works_and_stamps_the_update() {
            var cancelled = confirmed.moveTo(EventStatus.CANCELLED, LATER);
            assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
            assertThat(cancelled.updatedAt()).isEqualTo(LATER);
            assertThat(cancelled.createdAt()).isEqualTo(T0);
        }

        @Test
        void a_cancelled_event_cannot_be_confirmed_again() {
            var cancelled = anEvent().withStatus(EventStatus.CANCELLED).build();
            assertViolation(() -> cancelled.moveTo(EventStatus.CONFIRMED, LATER),
                    "status", "event.status.illegal_transition");
        }

        @Test
        void confirming_a_confirmed_event_is_a_no_op_on_the_status() {
            assertThat(confirmed.moveTo(EventStatus.CONFIRMED, LATER).status()).isEqualTo(EventStatus.CONFIRMED);
        }
    }

    @Nested
    class Rehydrating {

        @Test
        void rebuilds_the_slot_from_the_wall_time_and_keeps_version_and_stamps() {
            var time = new EventTime(wall("2026-03-08T02:30", "America/New_York"),
                    wall("2026-03-08T05:00", "America/New_York"));
            var event = Event.rehydrate(Ids.event(7), Ids.calendar(1), "Night shift", "", "", time,
                    EventStatus.CANCELLED, 12, T0, LATER, BERLIN);
            assertThat(event.slot()).isEqualTo(new TimeSlot(
                    Instant.parse("2026-03-08T07:30:00Z"), Instant.parse("2026-03-08T09:00:00Z")));
            assertThat(event.version()).isEqualTo(12);
            assertThat(event.createdAt()).isEqualTo(T0);
            assertThat(event.updatedAt()).isEqualTo(LATER);
            assertThat(event.status()).isEqualTo(EventStatus.CANCELLED);
        }

        @Test
        void an_all_day_event_is_reanchored_in_the_zone_it_is_rehydrated_in() {
            var time = EventTime.allDay(java.time.LocalDate.parse("2026-07-01"), java.time.LocalDate.parse("2026-07-02"));
            var event = Event.rehydrate(Ids.event(7), Ids.calendar(1), "Holiday", "", "", time, EventStatus.CONFIRMED,
                    1, T0, T0, ZoneId.of("America/New_York"));
            assertThat(event.slot().start()).isEqualTo(Instant.parse("2026-07-01T04:00:00Z"));
            assertThat(event.anchoredIn(BERLIN).slot().start()).isEqualTo(Instant.parse("2026-06-30T22:00:00Z"));
        }

        @Test
        void still_checks_every_structural_rule() {
            assertViolation(() -> Event.rehydrate(Ids.event(7), Ids.calendar(1), " ", "", "", anEvent().time(),
                    EventStatus.CONFIRMED, 1, T0, T0, BERLIN), "title", "event.title.blank");
            assertThatThrownBy(() -> Event.rehydrate(Ids.event(7), Ids.calendar(1), "x", "", "", anEvent().time(),
                    EventStatus.CONFIRMED, -1, T0, T0, BERLIN)).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void a_timed_event_ignores_the_calendar_zone() {
            var time = anEvent().time();
            var here = Event.rehydrate(Ids.event(7), Ids.calendar(1), "x", "", "", time, EventStatus.CONFIRMED, 1, T0,
                    T0, BERLIN);
            assertThat(here.anchoredIn(ZoneId.of("Asia/Tokyo")).slot()).isEqualTo(here.slot());
        }
    }
}
