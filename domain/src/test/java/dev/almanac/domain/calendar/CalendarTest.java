package dev.almanac.domain.calendar;

import static dev.almanac.domain.testing.Calendars.aCalendar;
import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.testing.Ids;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class CalendarTest {

    private static final AccountId OWNER = Ids.account(1);
    private static final AccountId STRANGER = Ids.account(2);
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @Nested
    class Creating {

        @Test
        void a_new_calendar_starts_at_version_zero_created_and_updated_now() {
            var calendar = Calendar.create(Ids.calendar(1), OWNER, "  Work  ", null, ZoneId.of("Europe/Berlin"), T0);
            assertThat(calendar.version()).isZero();
            assertThat(calendar.createdAt()).isEqualTo(T0);
            assertThat(calendar.updatedAt()).isEqualTo(T0);
            assertThat(calendar.name()).isEqualTo("Work");
            assertThat(calendar.description()).isEmpty();
            assertThat(calendar.owner()).isEqualTo(OWNER);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void a_blank_name_is_refused(String name) {
            assertViolation(() -> aCalendar().named(name).build(), "name", "calendar.name.blank");
        }

        @Test
        void a_name_of_two_hundred_characters_is_accepted_and_one_more_refused() {
            assertThat(aCalendar().named("n".repeat(200)).build().name()).hasSize(200);
            assertViolation(() -> aCalendar().named("n".repeat(201)).build(), "name", "calendar.name.too_long");
        }

        @Test
        void a_name_with_a_control_character_is_refused() {
            assertViolation(() -> aCalendar().named("Work\nHome").build(), "name", "calendar.name.control_characters");
        }

        @Test
        void a_description_may_span_lines_up_to_ten_thousand_characters() {
            assertThat(aCalendar().describedAs("line one\nline two").build().description())
                    .isEqualTo("line one\nline two");
            assertThat(aCalendar().describedAs("d".repeat(10_000)).build().description()).hasSize(10_000);
            assertViolation(() -> aCalendar().describedAs("d".repeat(10_001)).build(),
                    "description", "calendar.description.too_long");
        }

        @Test
        void a_description_with_a_control_character_other_than_line_breaks_is_refused() {
            assertViolation(() -> aCalendar().describedAs("ring\u0007").build(),
                    "description", "calendar.description.control_characters");
        }

        @Test
        void a_calendar_needs_a_zone() {
            assertThatThrownBy(() -> Calendar.create(Ids.calendar(1), OWNER, "Work", "", null, T0))
                    .isInstanceOf(NullPointerException.class);
        }

        @Test
        void updated_before_created_and_negative_versions_are_programming_errors() {
            var zone = ZoneId.of("UTC");
            assertThatThrownBy(() -> new Calendar(Ids.calendar(1), OWNER, "Work", "", zone, 0, T0, T0.minusSeconds(1)))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new Calendar(Ids.calendar(1), OWNER, "Work", "", zone, -1, T0, T0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class Revising {

        private final Calendar calendar = aCalendar().named("Work").describedAs("Office hours")
                .inZone("Europe/Berlin").createdAt(T0).atVersion(3).build();

        @Test
        void only_the_given_fields_change() {
            var later = T0.plusSeconds(60);
            var renamed = calendar.revise("Job", null, null, later);
            assertThat(renamed.name()).isEqualTo("Job");
            assertThat(renamed.description()).isEqualTo("Office hours");
            assertThat(renamed.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
            assertThat(renamed.updatedAt()).isEqualTo(later);
            assertThat(renamed.createdAt()).isEqualTo(T0);
            assertThat(renamed.version()).isEqualTo(3);
            assertThat(renamed.id()).isEqualTo(calendar.id());
            assertThat(renamed.owner()).isEqualTo(calendar.owner());
        }

        @Test
        void the_zone_and_description_can_change_alone() {
            var revised = calendar.revise(null, "", ZoneId.of("Asia/Tokyo"), T0.plusSeconds(1));
            assertThat(revised.name()).isEqualTo("Work");
            assertThat(revised.description()).isEmpty();
            assertThat(revised.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
        }

        @Test
        void a_revised_name_obeys_the_same_rules() {
            assertViolation(() -> calendar.revise("  ", null, null, T0), "name", "calendar.name.blank");
            assertViolation(() -> calendar.revise("x".repeat(201), null, null, T0), "name", "calendar.name.too_long");
        }

        @Test
        void a_clock_behind_the_creation_time_does_not_move_updated_before_created() {
            var revised = calendar.revise("Job", null, null, T0.minusSeconds(3600));
            assertThat(revised.updatedAt()).isEqualTo(T0);
        }

        @Test
        void storing_a_new_version_keeps_everything_else() {
            assertThat(calendar.atVersion(4)).usingRecursiveComparison().ignoringFields("version").isEqualTo(calendar);
            assertThat(calendar.atVersion(4).version()).isEqualTo(4);
        }
    }

    @Nested
    class Authorization {

        private final Calendar calendar = aCalendar().ownedBy(OWNER).build();

        @ParameterizedTest
        @EnumSource(CalendarPermission.class)
        void the_owner_holds_every_permission(CalendarPermission permission) {
            assertThat(calendar.roleOf(OWNER)).contains(CalendarRole.OWNER);
            assertThat(CalendarRole.OWNER.grants(permission)).isTrue();
            assertThatCode(() -> calendar.require(OWNER, permission)).doesNotThrowAnyException();
        }

        @ParameterizedTest
        @EnumSource(CalendarPermission.class)
        void a_stranger_is_told_the_calendar_does_not_exist_not_that_it_is_forbidden(CalendarPermission permission) {
            assertThat(calendar.roleOf(STRANGER)).isEmpty();
            assertThatThrownBy(() -> calendar.require(STRANGER, permission))
                    .isExactlyInstanceOf(NotFoundException.class)
                    .hasMessageContaining(calendar.id().toString())
                    .extracting(e -> ((NotFoundException) e).code()).isEqualTo("calendar.not_found");
        }

        @Test
        void the_not_found_answer_for_a_stranger_is_the_same_as_for_a_missing_calendar() {
            var missing = Calendar.notFound(calendar.id());
            assertThatThrownBy(() -> calendar.require(STRANGER, CalendarPermission.READ))
                    .hasMessage(missing.getMessage())
                    .extracting(e -> ((NotFoundException) e).code()).isEqualTo(missing.code());
        }
    }
}
