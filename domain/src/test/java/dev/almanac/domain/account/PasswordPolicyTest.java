package dev.almanac.domain.account;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.time.Duration;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    private static final String EMOJI = "\uD83D\uDD10"; // 🔐

    @Nested
    class AcceptedPasswords {

        @Test
        void twelve_characters_is_the_shortest_accepted() {
            assertThat(PasswordPolicy.check("a".repeat(12))).isEqualTo("a".repeat(12));
        }

        @Test
        void one_hundred_and_twenty_eight_characters_is_the_longest_accepted() {
            assertThat(PasswordPolicy.check("a".repeat(128))).hasSize(128);
        }

        @Test
        void no_composition_rules_apply() {
            assertThatCode(() -> PasswordPolicy.check("correct horse battery staple")).doesNotThrowAnyException();
            assertThatCode(() -> PasswordPolicy.check("aaaaaaaaaaaaaaaa")).doesNotThrowAnyException();
        }

        @Test
        void the_password_is_returned_unchanged_never_trimmed_or_truncated() {
            String password = "  spaced out password  ";
            assertThat(PasswordPolicy.check(password)).isEqualTo(password);
        }

        @Test
        void an_emoji_counts_as_one_character() {
            String twelve = EMOJI.repeat(12);
            assertThat(twelve).hasSize(24);
            assertThat(PasswordPolicy.check(twelve)).isEqualTo(twelve);
            assertThat(PasswordPolicy.check(EMOJI.repeat(128))).hasSize(256);
        }

        @Test
        void eleven_emoji_are_too_short_even_though_they_take_22_chars() {
            assertViolation(() -> PasswordPolicy.check(EMOJI.repeat(11)), "password", "account.password.too_short");
        }

        @Test
        void non_latin_letters_and_tabs_are_fine() {
            assertThatCode(() -> PasswordPolicy.check("пароль\tдлинный")).doesNotThrowAnyException();
        }
    }

    @Nested
    class RefusedPasswords {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = "")
        void a_missing_password_is_refused(String password) {
            assertViolation(() -> PasswordPolicy.check(password), "password", "account.password.blank");
        }

        @Test
        void length_counts_the_normalised_password_so_decomposed_accents_do_not_pad_it() {
            // Six accented letters typed decomposed are twelve code points, but the same six-letter password.
            assertViolation(() -> PasswordPolicy.check("e\u0301".repeat(6)), "password", "account.password.too_short");
            assertThat(PasswordPolicy.check("e\u0301".repeat(12))).isEqualTo("e\u0301".repeat(12));
            assertThat(PasswordPolicy.same("caf\u00e9 au lait!", "cafe\u0301 au lait!")).isTrue();
            assertThat(PasswordPolicy.same("cafe au lait!", "caf\u00e9 au lait!")).isFalse();
        }

        @Test
        void eleven_characters_are_too_short() {
            assertViolation(() -> PasswordPolicy.check("a".repeat(11)), "password", "account.password.too_short");
        }

        @Test
        void one_hundred_and_twenty_nine_characters_are_too_long() {
            assertViolation(() -> PasswordPolicy.check("a".repeat(129)), "password", "account.password.too_long");
        }

        @Test
        void one_hundred_and_twenty_nine_emoji_are_too_long() {
            assertViolation(() -> PasswordPolicy.check(EMOJI.repeat(129)), "password", "account.password.too_long");
        }

        @Test
        void a_nul_character_is_refused() {
            assertViolation(() -> PasswordPolicy.check("long enough\u0000password"),
                    "password", "account.password.invalid_characters");
        }

        @ParameterizedTest
        @ValueSource(strings = {"long enough \uD83D password", "long enough \uDD10 password",
                "long enough password \uD83D", "\uDD10\uD83D long enough password"})
        void a_lone_surrogate_is_refused(String password) {
            assertViolation(() -> PasswordPolicy.check(password), "password", "account.password.invalid_characters");
        }

        @Test
        @Timeout(1)
        void megabytes_of_password_are_refused_quickly() {
            String huge = "a".repeat(8 << 20);
            long started = System.nanoTime();
            for (int i = 0; i < 1000; i++) {
                assertViolation(() -> PasswordPolicy.check(huge), "password", "account.password.too_long");
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(500));
        }
    }
}
