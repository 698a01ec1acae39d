package dev.almanac.domain.shared;

import static dev.almanac.domain.testing.DomainAssertions.violationOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void nothing_broken_means_nothing_thrown_and_the_values_come_back() {
        var violations = new Violations();
        String name = violations.check(() -> Text.label(" Work ", 10, "name", "calendar.name"));

        assertThat(name).isEqualTo("Work");
        assertThatCode(() -> violations.throwIfAny("never")).doesNotThrowAnyException();
    }

    @Test
    void one_broken_rule_reads_as_if_thrown_alone() {
        var violations = new Violations();
        violations.check(() -> Text.label("", 10, "name", "calendar.name"));

        var e = violationOf(() -> violations.throwIfAny("The calendar cannot be saved"));
        assertThat(e.code()).isEqualTo("calendar.name.blank");
        assertThat(e.getMessage()).isEqualTo("name must not be blank");
    }

    @Test
    void every_broken_rule_is_reported_in_order_under_the_first_ones_code() {
        var violations = new Violations();
        violations.check(() -> Text.label("", 10, "name", "calendar.name"));
        violations.check(() -> TimeZones.iana("Nope", "timeZone", "calendar.time_zone"));

        var e = violationOf(() -> violations.throwIfAny("The calendar cannot be saved"));
        assertThat(e.code()).isEqualTo("calendar.name.blank");
        assertThat(e.violations()).extracting(Violation::field).containsExactly("name", "timeZone");
    }
}
