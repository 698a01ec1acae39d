package dev.almanac.domain.account;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class DisplayNameTest {

    @Test
    void a_display_name_is_trimmed() {
        assertThat(new DisplayName("  Ada Lovelace ").value()).isEqualTo("Ada Lovelace");
    }

    @Test
    void one_hundred_characters_are_accepted_counting_code_points() {
        assertThat(new DisplayName("a".repeat(100)).value()).hasSize(100);
        assertThat(new DisplayName("\uD83D\uDE00".repeat(100)).value()).hasSize(200);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  "})
    void a_blank_display_name_is_refused(String name) {
        assertViolation(() -> new DisplayName(name), "displayName", "account.display_name.blank");
    }

    @Test
    void a_display_name_over_one_hundred_characters_is_refused() {
        assertViolation(() -> new DisplayName("a".repeat(101)), "displayName", "account.display_name.too_long");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ada\nLovelace", "Ada\u0000", "Ada\u001B[31m"})
    void control_characters_are_refused(String name) {
        assertViolation(() -> new DisplayName(name), "displayName", "account.display_name.control_characters");
    }
}
