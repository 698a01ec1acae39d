package dev.almanac.domain.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.domain.shared.RuleViolationException;
import org.junit.jupiter.api.Test;

class CommonPasswordsTest {

    @Test
    void the_list_holds_at_least_ten_thousand_passwords() {
        assertThat(CommonPasswords.size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void a_common_password_long_enough_for_the_length_rule_is_still_refused() {
        var e = catchThrowableOfType(RuleViolationException.class, () -> PasswordPolicy.check("qwerty123456"));

        assertThat(e.code()).isEqualTo("account.password.too_common");
        assertThat(e.violations()).singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("password"));
    }

    @Test
    void the_comparison_ignores_case_and_compatibility_forms() {
        assertThat(CommonPasswords.contains("QWERTY123456")).isTrue();
        // full-width letters and digits normalise (NFKC) to their ASCII forms
        assertThat(CommonPasswords.contains("ｑｗｅｒｔｙ１２３４５６")).isTrue();
        assertThat(catchThrowableOfType(RuleViolationException.class,
                () -> PasswordPolicy.check("ｑｗｅｒｔｙ１２３４５６")).code()).isEqualTo("account.password.too_common");
    }

    @Test
    void an_uncommon_password_passes() {
        assertThat(PasswordPolicy.check("correct horse battery staple")).isEqualTo("correct horse battery staple");
        assertThat(CommonPasswords.contains("correct horse battery staple")).isFalse();
    }
}
