package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static dev.almanac.adapter.http.testing.Json.wall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Occurrences over real HTTP: read, override, cut ("following") and delete by id and scope. */
class OccurrenceRoutesTest {
    private static final String NY = "America/New_York";
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String MARCH = "?from=2026-03-01T00:00:00Z&to=2026-04-15T00:00:00Z";

    private ApiServer server;
    private JsonHttp ada;
    private String events;
    private String series;

    @BeforeEach
    void aWeeklySeries() {
        server = ApiServer.start();
        ada = server.signedUp("ada@example.org");
        String calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", NY)).expect(201)
                .header("Location");
        events = calendar + "/events";
        ArrayNode rule = MAPPER.createArrayNode().add("RRULE:FREQ=WEEKLY;COUNT=6");
        series = ada.post(events, object("title", "Standup", "start", wall("2026-03-02T09:00", NY),
                "end", wall("2026-03-02T09:15", NY), "recurrence", rule)).expect(201).json().get("id").asText();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String occurrence(String key) {
        return events + "/" + series + "_" + key;
    }

    private List<String> listed() {
        List<String> out = new ArrayList<>();
        ada.get(events + MARCH).expect(200).json().get("items").forEach(item -> out.add(
                item.get("title").asText() + " " + item.get("start").get("dateTime").asText() + " "
                        + item.get("status").asText()));
        return out;
    }

    @Test
    void an_occurrence_is_read_by_its_id_with_its_series_version_as_etag() {
        var reply = ada.get(occurrence("20260309T090000")).expect(200);
        assertThat(reply.header("ETag")).isEqualTo("\"0\"");
        JsonNode body = reply.json();
        assertThat(body.get("seriesId").asText()).isEqualTo(series);
        assertThat(body.get("start")).isEqualTo(wall("2026-03-09T09:00:00", NY));
    }

    @Test
    void patching_one_occurrence_overrides_it_alone_and_cancelling_keeps_it_listed() {
        JsonNode changed = ada.patch(occurrence("20260309T090000"), object("title", "Retro", "start",
                object("dateTime", "2026-03-09T14:00"), "end", object("dateTime", "2026-03-09T15:00"))).expect(200).json();
        assertThat(changed.get("title").asText()).isEqualTo("Retro");
        assertThat(changed.get("id").asText()).isEqualTo(series + "_20260309T090000");
        ada.patch(occurrence("20260316T090000"), object("status", "CANCELLED")).expect(200);
        ada.delete(occurrence("20260323T090000")).expect(204);

        assertThat(listed()).containsExactly("Standup 2026-03-02T09:00:00 CONFIRMED",
                "Retro 2026-03-09T14:00:00 CONFIRMED", "Standup 2026-03-16T09:00:00 CANCELLED",
                "Standup 2026-03-30T09:00:00 CONFIRMED", "Standup 2026-04-06T09:00:00 CONFIRMED");
        assertThat(ada.get(occurrence("20260309T090000")).expect(200).json().get("title").asText())
                .isEqualTo("Retro");
        ada.get(occurrence("20260323T090000")).problem(404, "event.occurrence.not_found");
    }

    @Test
    void this_and_following_with_overrides_on_both_sides_of_the_cut_answers_the_new_series() {
        ada.patch(occurrence("20260309T090000"), object("title", "Early")).expect(200);
        ada.patch(occurrence("20260330T090000"), object("title", "Late")).expect(200);

        JsonNode next = ada.patch(occurrence("20260323T090000") + "?scope=following",
                object("title", "Phase two")).expect(200).json();

        assertThat(next.get("id").asText()).doesNotContain("_").isNotEqualTo(series);
        assertThat(next.get("recurrence").get(0).asText()).isEqualTo("RRULE:FREQ=WEEKLY;COUNT=3");
        assertThat(next.get("detached")).isEmpty();
        assertThat(ada.get(events + "/" + series).expect(200).json().get("recurrence").get(0).asText())
                .isEqualTo("RRULE:FREQ=WEEKLY;UNTIL=20260323T125959Z");
        assertThat(listed()).containsExactly("Standup 2026-03-02T09:00:00 CONFIRMED",
                "Early 2026-03-09T09:00:00 CONFIRMED", "Standup 2026-03-16T09:00:00 CONFIRMED",
                "Phase two 2026-03-23T09:00:00 CONFIRMED", "Late 2026-03-30T09:00:00 CONFIRMED",
                "Phase two 2026-04-06T09:00:00 CONFIRMED");
    }

    @Test
    void a_rule_change_says_which_overrides_were_carried_and_which_detached() {
        ada.patch(occurrence("20260309T090000"), object("title", "Second")).expect(200);
        ada.patch(occurrence("20260406T090000"), object("title", "Sixth")).expect(200);

        JsonNode answer = ada.patch(events + "/" + series, object("start", object("dateTime", "2026-03-02T10:00"),
                "end", object("dateTime", "2026-03-02T10:15"),
                "recurrence", MAPPER.createArrayNode().add("RRULE:FREQ=WEEKLY;COUNT=3"))).expect(200).json();

        assertThat(answer.get("carried")).hasSize(1);
        assertThat(answer.get("carried").get(0).get("to")).isEqualTo(wall("2026-03-09T10:00:00", NY));
        assertThat(answer.get("detached")).hasSize(1);
        JsonNode detached = answer.get("detached").get(0).get("event");
        assertThat(detached.get("title").asText()).isEqualTo("Sixth");
        assertThat(ada.get(events + "/" + detached.get("id").asText()).expect(200).json().has("recurrence")).isFalse();
    }

    @Test
    void scope_all_through_an_occurrence_moves_the_whole_series_and_delete_all_removes_it() {
        JsonNode master = ada.patch(occurrence("20260316T090000") + "?scope=all",
                object("start", object("dateTime", "2026-03-16T08:00"))).expect(200).json();
        assertThat(master.get("id").asText()).isEqualTo(series);
        assertThat(master.get("start")).isEqualTo(wall("2026-03-02T08:00:00", NY));

        ada.delete(events + "/" + series + "_20260302T080000?scope=all").expect(204);
        ada.get(events + "/" + series).problem(404, "event.not_found");
    }

    @Test
    void bad_scopes_ids_and_versions_are_refused_precisely() {
        ada.patch(occurrence("20260309T090000") + "?scope=some", object("title", "x"))
                .problem(400, "request.invalid_parameter");
        ada.delete(occurrence("20260309T090000") + "?scope=").expect(204);
        ada.delete(occurrence("20260316T090000") + "?scope=everything").problem(400, "request.invalid_parameter");
        ada.patch(occurrence("20260310T090000"), object("title", "x")).problem(404, "event.occurrence.not_found");
        ada.get(occurrence("20260302")).problem(404, "event.occurrence.not_found");
        ada.get(events + "/" + series + "_20261399T090000").problem(404, "event.not_found");
        ada.patch(occurrence("20260316T090000"), object("recurrence",
                MAPPER.createArrayNode().add("RRULE:FREQ=DAILY"))).problem(422, "event.occurrence.recurrence_needs_scope");
        ada.patch(occurrence("20260316T090000"), object("title", "x"), "If-Match", "\"0\"")
                .problem(412, "precondition.failed");
        ada.patch(occurrence("20260316T090000"), object("start", object("date", "2026-03-16"),
                "end", object("date", "2026-03-17"))).problem(422, "event.occurrence.kind_mismatch");
    }
}
