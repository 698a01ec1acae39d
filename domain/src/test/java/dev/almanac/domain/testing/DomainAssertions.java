package dev.almanac.domain.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Assertions about domain failures, shared with the application tests through the test-jar. */
public final class DomainAssertions {
    private DomainAssertions() {
    }

    /** Runs {@code call}, demands that it breaks a rule, and returns the failure for further checks. */
    public static RuleViolationException violationOf(ThrowingCallable call) {
        Throwable thrown = catchThrowable(call);
        assertThat(thrown).as("a broken rule").isInstanceOf(RuleViolationException.class);
        return (RuleViolationException) thrown;
    }

    /** Demands that {@code call} breaks exactly the rule {@code code} about {@code field}. */
    public static RuleViolationException assertViolation(ThrowingCallable call, String field, String code) {
        RuleViolationException e = violationOf(call);
        assertThat(e.code()).isEqualTo(code);
        assertThat(e.violations()).extracting(Violation::field, Violation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(field, code));
        return e;
    }
}
