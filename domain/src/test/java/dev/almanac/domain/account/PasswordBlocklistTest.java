package dev.almanac.domain.account;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

class PasswordBlocklistTest {
    private static final PasswordBlocklist LIST = Set.of("qwerty123456", "ﬁnancepassword")::contains;

    @Test
    void a_listed_password_is_refused_in_any_case() {
        assertViolation(() -> PasswordPolicy.check("QWERTY123456", n -> Set.of("qwerty123456").contains(n)),
                "password", "account.password.too_common");
    }

    @Test
    void full_width_and_ligature_spellings_fold_to_the_listed_one() {
        PasswordBlocklist list = n -> n.equals("qwerty123456") || n.equals("financepassword");
        assertThat(list.contains("\uff51\uff57\uff45\uff52\uff54\uff59\uff11\uff12\uff13\uff14\uff15\uff16")).isTrue();
        assertThat(list.contains("\ufb01nancepassword")).isTrue();
    }

    @Test
    void the_length_rules_come_first_and_an_unlisted_password_passes() {
        assertViolation(() -> PasswordPolicy.check("short", LIST), "password", "account.password.too_short");
        assertThat(PasswordPolicy.check("correct horse battery staple", LIST))
                .isEqualTo("correct horse battery staple");
        assertThat(PasswordPolicy.check("qwerty123456", PasswordBlocklist.NONE)).isEqualTo("qwerty123456");
    }
}
