package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class CalendarRoutesTest {
    private ApiServer server;
    private JsonHttp ada;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        ada = server.signedUp("ada@example.org");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Reply create(String name) {
        return ada.post("/v1/calendars", object("name", name, "timeZone", "Europe/Berlin"));
    }

    private String path(Reply created) {
        return created.header("Location");
    }

    @Nested
    class Creating {
        @Test
        void a_calendar_is_created_with_location_and_etag() {
            Reply reply = ada.post("/v1/calendars", object("name", "Work", "description", "Day job",
                    "timeZone", "Europe/Berlin")).expect(201);

            JsonNode calendar = reply.json();
            assertThat(reply.header("Location")).isEqualTo("/v1/calendars/" + calendar.get("id").asText());
            assertThat(reply.header("ETag")).isEqualTo("\"0\"");
            assertThat(calendar.get("name").asText()).isEqualTo("Work");
            assertThat(calendar.get("description").asText()).isEqualTo("Day job");
            assertThat(calendar.get("timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(calendar.get("createdAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
            assertThat(calendar.get("updatedAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
        }

        @Test
        void without_a_description_it_is_empty() {
            assertThat(create("Work").expect(201).json().get("description").asText()).isEmpty();
        }

        @Test
        void missing_fields_are_named() {
            Reply reply = ada.post("/v1/calendars", object("description", "x"));

            reply.problem(400, "request.missing_field");
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("name", "timeZone");
        }

        @Test
        void wrong_types_and_unknown_fields_are_named_together() {
            Reply reply = ada.post("/v1/calendars", object("name", 7, "timeZone", "UTC", "colour", "red"));

            reply.expect(400);
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("name", "colour");
            assertThat(reply.errorCodes()).containsExactlyInAnyOrder("request.invalid_type", "request.unknown_field");
        }

        @Test
        void an_unknown_time_zone_breaks_a_rule() {
            Reply reply = ada.post("/v1/calendars", object("name", "Work", "timeZone", "Mars/Olympus"));

            reply.problem(422, "calendar.time_zone.unknown");
            assertThat(reply.errorFields()).containsExactly("timeZone");
        }

        @Test
        void a_blank_name_breaks_a_rule() {
            ada.post("/v1/calendars", object("name", "  ", "timeZone", "UTC")).problem(422, "calendar.name.blank");
        }

        @Test
        void malformed_json_is_a_bad_request() {
            ada.sendJson("POST", "/v1/calendars", "{'name': 'Work'}").problem(400, "request.malformed_json");
        }
    }

    @Nested
    class Reading {
        @Test
        void a_calendar_reads_back_with_its_etag() {
            String path = path(create("Work").expect(201));

            Reply reply = ada.get(path).expect(200);

            assertThat(reply.json().get("name").asText()).isEqualTo("Work");
            assertThat(reply.header("ETag")).isEqualTo("\"0\"");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }

        @Test
        void a_matching_if_none_match_is_not_modified() {
            String path = path(create("Work").expect(201));

            Reply reply = ada.get(path, "If-None-Match", "\"0\"").expect(304);

            assertThat(reply.body()).isEmpty();
            assertThat(reply.header("ETag")).isEqualTo("\"0\"");
            ada.get(path, "If-None-Match", "W/\"0\"").expect(304);
            ada.get(path, "If-None-Match", "\"5\", \"0\"").expect(304);
            ada.get(path, "If-None-Match", "*").expect(304);
            ada.get(path, "If-None-Match", "\"1\"").expect(200);
        }

        @Test
        void an_id_that_is_not_a_uuid_is_not_found() {
            ada.get("/v1/calendars/not-a-uuid").problem(404, "calendar.not_found");
            ada.get("/v1/calendars/1-1-1-1-1").problem(404, "calendar.not_found");
        }

        @Test
        void an_unknown_id_is_not_found() {
            ada.get("/v1/calendars/00000000-0000-0000-0000-00000000ffff").problem(404, "calendar.not_found");
        }

        @Test
        void another_accounts_calendar_is_not_found_for_every_method() {
            String path = path(create("Work").expect(201));
            JsonHttp bob = server.signedUp("bob@example.org");

            bob.get(path).problem(404, "calendar.not_found");
            bob.patch(path, object("name", "Mine")).problem(404, "calendar.not_found");
            bob.delete(path).problem(404, "calendar.not_found");
            bob.get(path + "/events?from=2026-03-01T00:00:00Z&to=2026-03-08T00:00:00Z")
                    .problem(404, "calendar.not_found");
            ada.get(path).expect(200);
        }
    }

    @Nested
    class Listing {
        @Test
        void pages_follow_the_cursor_until_the_last_one() {
            for (int i = 1; i <= 5; i++) {
                create("Calendar " + i).expect(201);
            }
            JsonHttp bob = server.signedUp("bob@example.org");
            bob.post("/v1/calendars", object("name", "Bob's", "timeZone", "UTC")).expect(201);

            List<String> names = new ArrayList<>();
            String next = "/v1/calendars?limit=2";
            int pages = 0;
            while (next != null) {
                JsonNode page = ada.get(next).expect(200).json();
                page.get("items").forEach(item -> names.add(item.get("name").asText()));
                next = page.has("nextCursor") ? "/v1/calendars?limit=2&cursor=" + page.get("nextCursor").asText()
                        : null;
                pages++;
            }

            assertThat(names).containsExactly("Calendar 1", "Calendar 2", "Calendar 3", "Calendar 4", "Calendar 5");
            assertThat(pages).isEqualTo(3);
        }

        @Test
        void a_limit_that_is_not_an_integer_is_a_bad_request() {
            Reply reply = ada.get("/v1/calendars?limit=ten");

            reply.problem(400, "request.invalid_parameter");
            assertThat(reply.errorFields()).containsExactly("limit");
            ada.get("/v1/calendars?limit=1.5").problem(400, "request.invalid_parameter");
        }

        @Test
        void a_limit_out_of_range_breaks_a_rule() {
            ada.get("/v1/calendars?limit=0").problem(422, "page.limit.out_of_range");
            ada.get("/v1/calendars?limit=501").problem(422, "page.limit.out_of_range");
            ada.get("/v1/calendars?limit=99999999999999999999").problem(422, "page.limit.out_of_range");
        }

        @Test
        void a_cursor_we_did_not_hand_out_breaks_a_rule() {
            ada.get("/v1/calendars?cursor=bogus").problem(422, "page.cursor.invalid");
        }
    }

    @Nested
    class Changing {
        @Test
        void a_patch_replaces_present_fields_and_bumps_the_etag() {
            String path = path(create("Work").expect(201));

            Reply reply = ada.patch(path, object("name", "Office")).expect(200);

            assertThat(reply.json().get("name").asText()).isEqualTo("Office");
            assertThat(reply.json().get("timeZone").asText()).isEqualTo("Europe/Berlin");
            assertThat(reply.header("ETag")).isEqualTo("\"1\"");
        }

        @Test
        void a_null_description_clears_it() {
            String path = path(ada.post("/v1/calendars", object("name", "Work", "description", "old",
                    "timeZone", "UTC")).expect(201));

            assertThat(ada.patch(path, object("description", null)).expect(200).json().get("description").asText())
                    .isEmpty();
        }

        @Test
        void a_null_name_or_zone_cannot_be_applied() {
            String path = path(create("Work").expect(201));

            Reply reply = ada.patch(path, object("name", null, "timeZone", null));

            reply.problem(422, "request.field_not_nullable");
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("name", "timeZone");
        }

        @Test
        void merge_patch_content_type_is_accepted() {
            String path = path(create("Work").expect(201));

            ada.sendJson("PATCH", path, "{\"name\":\"Office\"}", "Content-Type", "application/merge-patch+json")
                    .expect(200);
        }

        @Test
        void a_patch_with_a_wrong_type_or_unknown_field_is_a_bad_request() {
            String path = path(create("Work").expect(201));

            ada.patch(path, object("name", 1)).problem(400, "request.invalid_type");
            ada.patch(path, object("owner", "bob")).problem(400, "request.unknown_field");
            ada.sendJson("PATCH", path, "{").problem(400, "request.malformed_json");
            ada.sendJson("PATCH", path, "name=x", "Content-Type", "text/plain")
                    .problem(415, "request.unsupported_media_type");
        }

        @Test
        void if_match_with_the_current_version_applies() {
            String path = path(create("Work").expect(201));

            ada.patch(path, object("name", "Office"), "If-Match", "\"0\"").expect(200);
            ada.patch(path, object("name", "Home"), "If-Match", "*").expect(200);
            ada.patch(path, object("name", "Away"), "If-Match", "\"7\", \"2\"").expect(200);
        }

        @Test
        void a_stale_if_match_fails_the_precondition() {
            String path = path(create("Work").expect(201));
            ada.patch(path, object("name", "Office")).expect(200);

            ada.patch(path, object("name", "Home"), "If-Match", "\"0\"").problem(412, "precondition.failed");
            ada.delete(path, "If-Match", "\"0\"").problem(412, "precondition.failed");
            ada.patch(path, object("name", "Home"), "If-Match", "\"0\", \"5\"").problem(412, "precondition.failed");
            assertThat(ada.get(path).json().get("name").asText()).isEqualTo("Office");
        }

        @Test
        void a_weak_tag_never_matches_if_match() {
            String path = path(create("Work").expect(201));

            ada.patch(path, object("name", "Home"), "If-Match", "W/\"0\"").problem(412, "precondition.failed");
        }

        @Test
        void an_unreadable_if_match_fails_the_precondition() {
            String path = path(create("Work").expect(201));

            ada.patch(path, object("name", "Home"), "If-Match", "0").problem(412, "precondition.failed");
            ada.patch(path, object("name", "Home"), "If-Match", "\"abc\"").problem(412, "precondition.failed");
            ada.delete(path, "If-Match", "garbage").problem(412, "precondition.failed");
        }
    }

    @Nested
    class Deleting {
        @Test
        void a_deleted_calendar_is_gone() {
            String path = path(create("Work").expect(201));

            Reply reply = ada.delete(path).expect(204);

            assertThat(reply.body()).isEmpty();
            assertThat(reply.header("Content-Type")).as("no content, so no content type").isNull();
            ada.get(path).problem(404, "calendar.not_found");
            ada.delete(path).problem(404, "calendar.not_found");
        }

        @Test
        void if_match_with_the_current_version_deletes() {
            String path = path(create("Work").expect(201));

            ada.delete(path, "If-Match", "\"0\"").expect(204);
        }
    }
}
