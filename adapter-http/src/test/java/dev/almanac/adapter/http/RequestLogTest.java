package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** What the access log writes for a path and a duration: nothing that can forge a line or fill a disk. */
class RequestLogTest {

    @Test
    void a_plain_path_is_logged_as_it_is() {
        assertThat(RequestLog.sanitized("/v1/calendars/abc/events?x")).isEqualTo("/v1/calendars/abc/events?x");
    }

    @Test
    void control_characters_spaces_and_non_ascii_become_question_marks() {
        assertThat(RequestLog.sanitized("/a\r\nFAKE 200\tü\u0000")).isEqualTo("/a??FAKE?200???");
    }

    @Test
    void a_long_path_is_cut_at_200_characters_and_marked() {
        String logged = RequestLog.sanitized("/" + "x".repeat(500));

        assertThat(logged).hasSize(203).endsWith("x...");
        assertThat(RequestLog.sanitized("/" + "x".repeat(199))).hasSize(200).doesNotEndWith("...");
    }

    @Test
    void durations_are_shown_in_tenths_of_a_millisecond() {
        assertThat(RequestLog.tenths(12.34f)).isEqualTo("12.3");
        assertThat(RequestLog.tenths(0.05f)).isEqualTo("0.1");
        assertThat(RequestLog.tenths(7f)).isEqualTo("7.0");
        assertThat(RequestLog.tenths(1234.96f)).isEqualTo("1235.0");
        assertThat(RequestLog.tenths(null)).isEqualTo("0.0");
    }
}
