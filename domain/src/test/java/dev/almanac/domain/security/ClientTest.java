package dev.almanac.domain.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClientTest {

    @Test
    void a_user_agent_keeps_its_letters_in_any_script() {
        assertThat(new Client("203.0.113.7", "Kalender/2.0 (Zürich; 日本) 🗓").userAgent())
                .isEqualTo("Kalender/2.0 (Zürich; 日本) 🗓");
    }

    @Test
    void controls_separators_and_invisible_format_characters_become_question_marks() {
        // A right-to-left override would show "Firefox/gpj.exe" as "Firefox/exe.jpg"; U+2028 breaks a line.
        Client client = new Client("203.0.113.7", "Firefox/\u202Egpj.exe\u2028next\u0000\u200B!");

        assertThat(client.userAgent()).isEqualTo("Firefox/?gpj.exe?next??!");
    }

    @Test
    void a_long_user_agent_is_cut_and_a_blank_address_is_unknown() {
        Client client = new Client("  ", "x".repeat(1000));

        assertThat(client.userAgent()).hasSize(Client.MAX_USER_AGENT);
        assertThat(client.ip()).isEqualTo("unknown");
    }
}
