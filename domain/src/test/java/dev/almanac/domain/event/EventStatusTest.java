package dev.almanac.domain.event;

import static dev.almanac.domain.event.EventStatus.CANCELLED;
import static dev.almanac.domain.event.EventStatus.CONFIRMED;
import static dev.almanac.domain.event.EventStatus.TENTATIVE;
import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class EventStatusTest {

    /** The whole machine, written out: TENTATIVE <-> CONFIRMED, either -> CANCELLED, CANCELLED terminal. */
    private static final Set<List<EventStatus>> ALLOWED = Set.of(
            List.of(TENTATIVE, CONFIRMED), List.of(CONFIRMED, TENTATIVE),
            List.of(TENTATIVE, CANCELLED), List.of(CONFIRMED, CANCELLED));

    static Stream<Arguments> allowedMoves() {
        return pairs(true);
    }

    static Stream<Arguments> refusedMoves() {
        return pairs(false);
    }

    private static Stream<Arguments> pairs(boolean allowed) {
        List<Arguments> out = new ArrayList<>();
        for (EventStatus from : EventStatus.values()) {
            for (EventStatus to : EventStatus.values()) {
                if (from != to && ALLOWED.contains(List.of(from, to)) == allowed) {
                    out.add(Arguments.of(from, to));
                }
            }
        }
        return out.stream();
    }

    @Test
    void every_pair_of_distinct_states_is_either_allowed_or_refused_and_the_table_covers_them_all() {
        assertThat(allowedMoves().count() + refusedMoves().count()).isEqualTo(3 * 2);
        assertThat(refusedMoves().map(a -> List.of(a.get()))).containsExactlyInAnyOrder(
                List.of(CANCELLED, TENTATIVE), List.of(CANCELLED, CONFIRMED));
    }

    @ParameterizedTest(name = "{0} -> {1} is allowed")
    @MethodSource("allowedMoves")
    void an_allowed_move_lands_in_the_target_state(EventStatus from, EventStatus to) {
        assertThat(from.canMoveTo(to)).isTrue();
        assertThat(from.moveTo(to)).isEqualTo(to);
    }

    @ParameterizedTest(name = "{0} -> {1} is refused")
    @MethodSource("refusedMoves")
    void a_refused_move_names_both_states(EventStatus from, EventStatus to) {
        assertThat(from.canMoveTo(to)).isFalse();
        var e = assertViolation(() -> from.moveTo(to), "status", "event.status.illegal_transition");
        assertThat(e.getMessage()).contains(from.name()).contains(to.name());
        assertThat(e.violations().get(0).message()).contains(from.name()).contains(to.name());
    }

    @ParameterizedTest
    @EnumSource(EventStatus.class)
    void moving_to_the_state_one_is_in_is_a_harmless_no_op(EventStatus status) {
        assertThat(status.canMoveTo(status)).isTrue();
        assertThat(status.moveTo(status)).isEqualTo(status);
    }

    @Nested
    class Cancelled {

        @Test
        void is_terminal() {
            assertThat(EventStatus.values()).filteredOn(s -> s != CANCELLED).noneMatch(CANCELLED::canMoveTo);
        }

        @Test
        void says_that_a_cancelled_event_stays_cancelled() {
            var e = assertViolation(() -> CANCELLED.moveTo(CONFIRMED), "status", "event.status.illegal_transition");
            assertThat(e.getMessage()).contains("stays cancelled");
        }
    }
}
