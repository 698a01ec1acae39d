package dev.almanac.adapter.http.security;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.domain.account.PasswordPolicy;
import dev.almanac.domain.shared.RuleViolationException;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;

class ZxcvbnPasswordBlocklistTest {
    private static final ZxcvbnPasswordBlocklist LIST = new ZxcvbnPasswordBlocklist();

    @Test
    void the_list_holds_at_least_ten_thousand_passwords() {
        assertThat(LIST.size()).isGreaterThanOrEqualTo(10_000);
    }

    @Test
    void a_common_password_is_found_in_any_case_and_in_full_width_spelling() {
        assertThat(LIST.contains("qwerty123456")).isTrue();
        assertThat(LIST.contains("QWERTY123456")).isTrue();
        assertThat(LIST.contains("\uff51\uff57\uff45\uff52\uff54\uff59\uff11\uff12\uff13\uff14\uff15\uff16")).isTrue();
    }

    @Test
    void the_policy_refuses_a_common_password_and_accepts_a_passphrase() {
        var refused = Assertions.catchThrowableOfType(RuleViolationException.class,
                () -> PasswordPolicy.check("qwerty123456", LIST));
        assertThat(refused.code()).isEqualTo("account.password.too_common");
        assertThat(PasswordPolicy.check("correct horse battery staple", LIST))
                .isEqualTo("correct horse battery staple");
    }
}
