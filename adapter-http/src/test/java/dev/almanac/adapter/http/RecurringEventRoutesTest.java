package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static dev.almanac.adapter.http.testing.Json.wall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Series over real HTTP: the {@code recurrence} field, occurrences in window lists, {@code expand=false}. */
class RecurringEventRoutesTest {
    private static final String NY = "America/New_York";
    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();

    private ApiServer server;
    private JsonHttp ada;
    private String events;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        ada = server.signedUp("ada@example.org");
        String calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", NY)).expect(201)
                .header("Location");
        events = calendar + "/events";
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private static ArrayNode lines(String... lines) {
        ArrayNode array = MAPPER.createArrayNode();
        for (String line : lines) {
            array.add(line);
        }
        return array;
    }

    private Reply weekly(String... recurrence) {
        return ada.post(events, object("title", "Standup", "start", wall("2026-03-02T09:00", NY),
                "end", wall("2026-03-02T09:15", NY), "recurrence", lines(recurrence)));
    }

    private List<String> ids(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.get("items").forEach(item -> out.add(item.get("id").asText()));
        return out;
    }

    @Test
    void a_series_is_created_and_read_back_with_its_recurrence_in_canonical_form() {
        JsonNode created = weekly("rrule:freq=weekly;byday=mo;count=10",
                "EXDATE;TZID=America/New_York:20260309T090000").expect(201).json();

        JsonNode read = ada.get(events + "/" + created.get("id").asText()).expect(200).json();
        assertThat(read.get("recurrence")).isEqualTo(lines("RRULE:FREQ=WEEKLY;COUNT=10;BYDAY=MO",
                "EXDATE;TZID=America/New_York:20260309T090000"));
    }

    @Test
    void a_window_lists_occurrences_with_their_own_ids_at_nine_local_across_the_dst_switch() {
        String series = weekly("RRULE:FREQ=WEEKLY;BYDAY=MO").expect(201).json().get("id").asText();
        ada.post(events, object("title", "Review", "start", wall("2026-03-03T10:00", NY),
                "end", wall("2026-03-03T11:00", NY))).expect(201);

        JsonNode list = ada.get(events + "?from=2026-03-02T00:00:00Z&to=2026-03-17T00:00:00Z").expect(200).json();

        assertThat(ids(list)).hasSize(4);
        JsonNode first = list.get("items").get(0);
        assertThat(first.get("id").asText()).isEqualTo(series + "_20260302T090000");
        assertThat(first.get("seriesId").asText()).isEqualTo(series);
        assertThat(first.get("originalStart")).isEqualTo(wall("2026-03-02T09:00:00", NY));
        assertThat(list.get("items").get(1).get("title").asText()).isEqualTo("Review");
        assertThat(list.get("items").get(2).get("start")).isEqualTo(wall("2026-03-09T09:00:00", NY));
        assertThat(list.get("items").get(3).get("id").asText()).isEqualTo(series + "_20260316T090000");
    }

    @Test
    void expand_false_lists_the_master_instead() {
        String series = weekly("RRULE:FREQ=DAILY").expect(201).json().get("id").asText();

        JsonNode list = ada.get(events + "?from=2026-04-01T00:00:00Z&to=2026-04-08T00:00:00Z&expand=false")
                .expect(200).json();

        assertThat(ids(list)).containsExactly(series);
        assertThat(list.get("items").get(0).get("recurrence")).isEqualTo(lines("RRULE:FREQ=DAILY"));
    }

    @Test
    void pages_continue_across_occurrences() {
        weekly("RRULE:FREQ=DAILY").expect(201);
        List<String> paged = new ArrayList<>();
        String next = events + "?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&limit=3";
        while (next != null) {
            JsonNode page = ada.get(next).expect(200).json();
            paged.addAll(ids(page));
            next = page.has("nextCursor")
                    ? events + "?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&limit=3&cursor="
                    + page.get("nextCursor").asText() : null;
        }
        assertThat(paged).hasSize(7).doesNotHaveDuplicates();
    }

    @Test
    void an_invalid_rule_is_a_422_naming_the_part() {
        Reply reply = weekly("RRULE:FREQ=WEEKLY;BYDAY=MO;BYMONTHDAY=40");

        reply.problem(422, "event.recurrence.invalid_value");
        assertThat(reply.errorFields()).containsExactly("recurrence[0].BYMONTHDAY");
    }

    @Test
    void a_minutely_rule_is_refused() {
        weekly("RRULE:FREQ=MINUTELY").problem(422, "event.recurrence.frequency_unsupported");
    }

    @Test
    void recurrence_that_is_not_an_array_of_strings_is_a_400() {
        ada.post(events, object("title", "x", "start", wall("2026-03-02T09:00", NY),
                "end", wall("2026-03-02T09:15", NY), "recurrence", "RRULE:FREQ=DAILY"))
                .problem(400, "request.invalid_type");
        Reply numbers = ada.post(events, object("title", "x", "start", wall("2026-03-02T09:00", NY),
                "end", wall("2026-03-02T09:15", NY), "recurrence", MAPPER
                        .createArrayNode().add(1)));
        numbers.problem(400, "request.invalid_type");
        assertThat(numbers.errorFields()).containsExactly("recurrence[0]");
    }

    @Test
    void expand_must_be_a_boolean() {
        ada.get(events + "?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&expand=maybe")
                .problem(400, "request.invalid_parameter");
    }

    @Test
    void a_patch_can_change_the_rule_and_null_makes_a_single_event_again() {
        String id = weekly("RRULE:FREQ=DAILY").expect(201).json().get("id").asText();

        JsonNode changed = ada.patch(events + "/" + id, object("recurrence", lines("RRULE:FREQ=WEEKLY;COUNT=2")))
                .expect(200).json();
        assertThat(changed.get("recurrence")).isEqualTo(lines("RRULE:FREQ=WEEKLY;COUNT=2"));

        JsonNode single = ada.patch(events + "/" + id, object("recurrence", null)).expect(200).json();
        assertThat(single.has("recurrence")).isFalse();
    }
}
