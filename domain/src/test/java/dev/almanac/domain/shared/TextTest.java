package dev.almanac.domain.shared;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TextTest {

    private static final String EMOJI = "\uD83D\uDCC5"; // 📅, one code point, two chars

    @Nested
    class Labels {

        @Test
        void a_label_is_trimmed() {
            assertThat(Text.label("  Standup \t", 10, "title", "event.title")).isEqualTo("Standup");
        }

        @Test
        void no_break_spaces_around_a_label_are_trimmed_too() {
            assertThat(Text.label("\u00a0Standup\u00a0", 10, "title", "event.title")).isEqualTo("Standup");
        }

        @ParameterizedTest
        @ValueSource(strings = {"x\ud800", "\udc00x", "a\ud800\ud800b"})
        void a_label_that_is_not_valid_unicode_is_refused(String broken) {
            assertViolation(() -> Text.label(broken, 10, "title", "event.title"), "title",
                    "event.title.invalid_characters");
        }

        @Test
        void a_proper_surrogate_pair_is_fine() {
            assertThat(Text.label("Party " + EMOJI, 10, "title", "event.title")).isEqualTo("Party " + EMOJI);
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", " ", "\t\n ", "\u2003", "\u00a0", "\u202f \u3000"})
        void a_missing_or_blank_label_is_refused(String blank) {
            assertViolation(() -> Text.label(blank, 10, "title", "event.title"), "title", "event.title.blank");
        }

        @Test
        void a_label_of_exactly_the_maximum_is_accepted() {
            assertThat(Text.label("a".repeat(10), 10, "title", "event.title")).hasSize(10);
        }

        @Test
        void a_label_one_over_the_maximum_is_refused() {
            assertViolation(() -> Text.label("a".repeat(11), 10, "title", "event.title"),
                    "title", "event.title.too_long");
        }

        @Test
        void length_counts_code_points_so_an_emoji_is_one_character() {
            String tenEmoji = EMOJI.repeat(10);
            assertThat(tenEmoji).hasSize(20);
            assertThat(Text.label(tenEmoji, 10, "title", "event.title")).isEqualTo(tenEmoji);
            assertViolation(() -> Text.label(EMOJI.repeat(11), 10, "title", "event.title"),
                    "title", "event.title.too_long");
        }

        @Test
        void the_length_is_measured_after_trimming() {
            assertThat(Text.label("   " + "a".repeat(10) + "   ", 10, "title", "event.title")).hasSize(10);
        }

        @ParameterizedTest
        @ValueSource(strings = {"Stand\nup", "Stand\tup", "Stand\rup", "Stand\u0000up", "Stand\u007Fup",
                "Stand\u009Bup", "Stand\u001Bup"})
        void a_label_with_a_control_character_inside_is_refused(String withControl) {
            assertViolation(() -> Text.label(withControl, 50, "title", "event.title"),
                    "title", "event.title.control_characters");
        }

        @Test
        void the_violation_names_the_field_and_says_what_is_wrong() {
            var e = assertViolation(() -> Text.label("x".repeat(11), 10, "name", "calendar.name"),
                    "name", "calendar.name.too_long");
            assertThat(e.violations().get(0).message()).contains("name").contains("10");
        }
    }

    @Nested
    class Prose {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   ", "\n\t"})
        void missing_or_blank_prose_becomes_empty(String blank) {
            assertThat(Text.prose(blank, 10, "description", "event.description")).isEmpty();
        }

        @Test
        void tabs_and_line_breaks_are_allowed_and_kept() {
            String text = "Agenda:\n\t1. news\r\n\t2. plans";
            assertThat(Text.prose(text, 100, "description", "event.description")).isEqualTo(text);
        }

        @ParameterizedTest
        @ValueSource(strings = {"bell\u0007", "nul\u0000", "esc\u001B[2J", "del\u007F", "csi\u009B"})
        void other_control_characters_are_refused(String withControl) {
            assertViolation(() -> Text.prose(withControl, 100, "description", "event.description"),
                    "description", "event.description.control_characters");
        }

        @Test
        void prose_of_exactly_the_maximum_is_accepted_and_one_more_is_refused() {
            assertThat(Text.prose("a".repeat(100), 100, "description", "event.description")).hasSize(100);
            assertViolation(() -> Text.prose("a".repeat(101), 100, "description", "event.description"),
                    "description", "event.description.too_long");
        }

        @Test
        void prose_length_counts_code_points() {
            assertThat(Text.prose(EMOJI.repeat(100), 100, "description", "event.description")).hasSize(200);
            assertViolation(() -> Text.prose(EMOJI.repeat(101), 100, "description", "event.description"),
                    "description", "event.description.too_long");
        }
    }
}
