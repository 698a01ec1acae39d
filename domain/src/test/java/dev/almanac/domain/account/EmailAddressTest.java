package dev.almanac.domain.account;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {

    @Nested
    class ValidAddresses {

        @ParameterizedTest
        @ValueSource(strings = {"ada@example.org", "a@b.co", "ada.lovelace+calendar@mail.example.org",
                "o'brien@example.ie", "x_y-z@sub-domain.example.com", "ADA@EXAMPLE.ORG", "1234@123.example",
                "a!#$%&*/=?^`{|}~@example.org"})
        void practical_addresses_are_accepted(String address) {
            assertThat(EmailAddress.of(address).value()).isEqualTo(address);
        }

        @Test
        void surrounding_white_space_is_trimmed() {
            assertThat(EmailAddress.of("  ada@example.org\t").value()).isEqualTo("ada@example.org");
        }

        @Test
        void the_address_is_kept_as_typed_but_normalised_to_lower_case_for_uniqueness() {
            var email = EmailAddress.of("Ada.Lovelace@Example.ORG");
            assertThat(email.value()).isEqualTo("Ada.Lovelace@Example.ORG");
            assertThat(email.normalized()).isEqualTo("ada.lovelace@example.org");
            assertThat(email.normalized()).isEqualTo(EmailAddress.of("ada.lovelace@example.org").normalized());
        }

        @Test
        void an_address_of_exactly_254_characters_is_accepted() {
            String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(61);
            assertThat(address).hasSize(254);
            assertThat(EmailAddress.of(address).value()).isEqualTo(address);
        }
    }

    @Nested
    class InvalidAddresses {

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void a_missing_address_is_refused(String address) {
            assertViolation(() -> EmailAddress.of(address), "email", "account.email.blank");
        }

        @Test
        void an_address_over_254_characters_is_refused() {
            String address = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(62);
            assertThat(address).hasSize(255);
            assertViolation(() -> EmailAddress.of(address), "email", "account.email.too_long");
        }

        @Test
        void a_megabyte_address_is_refused_as_too_long() {
            assertViolation(() -> EmailAddress.of("a".repeat(1 << 20) + "@example.org"),
                    "email", "account.email.too_long");
        }

        @Test
        void a_local_part_over_64_characters_is_refused() {
            assertViolation(() -> EmailAddress.of("a".repeat(65) + "@example.org"), "email", "account.email.invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada.example.org", "@example.org", "ada@", "ada@@example.org", "ada@example@org",
                "ada@localhost", "ada@example..org", "ada@.example.org", "ada@example.org.", "ada@-example.org",
                "ada@example-.org", "ada@exa_mple.org", ".ada@example.org", "ada.@example.org", "a..da@example.org",
                "\"ada\"@example.org", "ada@[127.0.0.1]", "adä@example.org", "ada@exämple.org"})
        void a_malformed_address_is_refused(String address) {
            assertViolation(() -> EmailAddress.of(address), "email", "account.email.invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada lovelace@example.org", "ada@exa mple.org", "ada\t@example.org",
                "ada@example.org\u0000x", "ada\u00A0@example.org"})
        void white_space_or_control_characters_inside_are_refused(String address) {
            assertViolation(() -> EmailAddress.of(address), "email", "account.email.invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ada@example.org\r\nBcc: victim@example.com", "ada@example.org\nBcc: x@y.org",
                "ada\r\n@example.org", "ada@example.org%0d%0aBcc:x@y.org"})
        void a_header_injection_attempt_is_refused(String address) {
            assertViolation(() -> EmailAddress.of(address), "email", "account.email.invalid");
        }
    }
}
