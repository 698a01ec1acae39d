package dev.almanac.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ScopesTest {

    @Test
    void names_are_read_exactly_and_duplicates_count_once() {
        Scopes scopes = Scopes.parse(List.of("events:write", "calendars:read", "events:write"));

        assertThat(scopes.values()).containsExactlyInAnyOrder(Scope.EVENTS_WRITE, Scope.CALENDARS_READ);
        assertThat(scopes.wireNames()).containsExactly("calendars:read", "events:write");
    }

    @Test
    void every_unknown_name_is_a_violation_naming_it() {
        RuleViolationException e = catchThrowableOfType(RuleViolationException.class,
                () -> Scopes.parse(Arrays.asList("Events:Read", "events:read", "admin", null, "a\u0000b\uD800")));

        assertThat(e.violations()).extracting(Violation::code).containsOnly("api_key.scopes.unknown").hasSize(4);
        assertThat(e.violations()).extracting(Violation::message).anySatisfy(m -> assertThat(m).contains("'admin'"))
                .anySatisfy(m -> assertThat(m).contains("'Events:Read'"))
                .anySatisfy(m -> assertThat(m).contains("'null'"))
                .anySatisfy(m -> assertThat(m).contains("'a?b?'"));
        assertThat(e.getMessage()).isEqualTo("4 scopes are unknown");
    }

    @Test
    void a_key_has_at_least_one_scope() {
        assertThat(catchThrowableOfType(RuleViolationException.class, () -> Scopes.parse(List.of())).code())
                .isEqualTo("api_key.scopes.empty");
        assertThat(catchThrowableOfType(RuleViolationException.class, () -> new Scopes(Set.of())).code())
                .isEqualTo("api_key.scopes.empty");
    }

    @Test
    void every_scope_has_a_distinct_lower_case_wire_name() {
        assertThat(Scope.wireNames()).doesNotHaveDuplicates()
                .allSatisfy(name -> assertThat(name).matches("[a-z]+:[a-z]+"));
        for (Scope scope : Scope.values()) {
            assertThat(Scope.named(scope.wireName())).contains(scope);
        }
    }
}
