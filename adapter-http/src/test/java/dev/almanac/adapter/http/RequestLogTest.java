package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.domain.security.RequestId;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
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

    @Test
    void a_new_request_id_is_a_version_4_uuid_and_never_repeats_across_threads() {
        Set<String> seen = ConcurrentHashMap.newKeySet();
        IntStream.range(0, 200_000).parallel().forEach(i -> {
            String id = RequestLog.newId();
            UUID uuid = UUID.fromString(id);
            assertThat(uuid.version()).isEqualTo(4);
            assertThat(uuid.variant()).isEqualTo(2);
            assertThat(uuid.toString()).isEqualTo(id);
            assertThat(RequestId.isWellFormed(id)).isTrue();
            assertThat(seen.add(id)).as("a repeated id").isTrue();
        });
        assertThat(seen).hasSize(200_000);
    }

    @Test
    void a_sane_incoming_id_is_kept_and_anything_else_replaced() {
        assertThat(RequestLog.idFor("client-42.retry:1")).isEqualTo("client-42.retry:1");
        for (String insane : new String[] {null, "", "a b", "x".repeat(500), "line\nbreak"}) {
            String id = RequestLog.idFor(insane);
            assertThat(id).isNotEqualTo(insane);
            assertThat(UUID.fromString(id).version()).isEqualTo(4);
        }
    }
}
