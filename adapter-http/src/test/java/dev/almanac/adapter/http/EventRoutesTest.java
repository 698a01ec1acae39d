package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.day;
import static dev.almanac.adapter.http.testing.Json.object;
import static dev.almanac.adapter.http.testing.Json.wall;
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

class EventRoutesTest {
    private static final String NY = "America/New_York";

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

    private Reply schedule(String title, String start, String end) {
        return ada.post(events, object("title", title, "start", wall(start, NY), "end", wall(end, NY)));
    }

    @Nested
    class Scheduling {
        @Test
        void a_timed_event_is_created_with_its_wall_times() {
            Reply reply = ada.post(events, object("title", "Stand-up", "description", "daily",
                    "location", "Room 1", "start", wall("2026-03-08T09:00", NY),
                    "end", wall("2026-03-08T09:15:00", NY))).expect(201);

            JsonNode event = reply.json();
            assertThat(reply.header("Location")).isEqualTo(events + "/" + event.get("id").asText());
            assertThat(reply.header("ETag")).isEqualTo("\"0\"");
            assertThat(event.get("start")).isEqualTo(wall("2026-03-08T09:00:00", NY));
            assertThat(event.get("end")).isEqualTo(wall("2026-03-08T09:15:00", NY));
            assertThat(event.get("allDay").asBoolean()).isFalse();
            assertThat(event.get("status").asText()).isEqualTo("CONFIRMED");
            assertThat(event.get("location").asText()).isEqualTo("Room 1");
            assertThat(event.get("calendarId").asText()).isEqualTo(events.split("/")[3]);
        }

        @Test
        void an_all_day_event_has_dates_and_an_exclusive_end() {
            Reply reply = ada.post(events, object("title", "Conference", "start", day("2026-03-08"),
                    "end", day("2026-03-10"), "status", "TENTATIVE")).expect(201);

            JsonNode event = reply.json();
            assertThat(event.get("start")).isEqualTo(day("2026-03-08"));
            assertThat(event.get("end")).isEqualTo(day("2026-03-10"));
            assertThat(event.get("allDay").asBoolean()).isTrue();
            assertThat(event.get("status").asText()).isEqualTo("TENTATIVE");
            assertThat(event.get("description").asText()).isEmpty();
        }

        @Test
        void missing_fields_are_named() {
            Reply reply = ada.post(events, object("description", "x"));

            reply.problem(400, "request.missing_field");
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("title", "start", "end");
        }

        @Test
        void a_wall_time_without_its_zone_names_the_missing_member() {
            Reply reply = ada.post(events, object("title", "x", "start", object("dateTime", "2026-03-08T09:00"),
                    "end", object("timeZone", NY)));

            reply.problem(400, "request.missing_field");
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("start.timeZone", "end.dateTime");
        }

        @Test
        void a_wall_time_with_an_offset_is_refused_with_a_hint() {
            Reply reply = schedule("x", "2026-03-08T09:00:00Z", "2026-03-08T10:00:00");
            Reply withOffset = schedule("x", "2026-03-08T09:00:00", "2026-03-08T10:00:00-05:00");

            reply.problem(400, "request.invalid_value");
            assertThat(reply.errorFields()).containsExactly("start.dateTime");
            assertThat(reply.json().get("detail").asText()).contains("without an offset");
            assertThat(withOffset.errorFields()).containsExactly("end.dateTime");
        }

        @Test
        void an_unreadable_date_or_time_is_a_bad_request() {
            schedule("x", "tomorrow", "2026-03-08T10:00").problem(400, "request.invalid_value");
            schedule("x", "2026-02-30T09:00", "2026-03-08T10:00").problem(400, "request.invalid_value");
            ada.post(events, object("title", "x", "start", day("2026-13-01"), "end", day("2026-03-02")))
                    .problem(400, "request.invalid_value");
        }

        @Test
        void both_kinds_in_one_end_is_a_bad_request() {
            Reply reply = ada.post(events, object("title", "x",
                    "start", object("date", "2026-03-08", "dateTime", "2026-03-08T09:00", "timeZone", NY),
                    "end", day("2026-03-09")));

            reply.problem(400, "request.conflicting_fields");
            assertThat(reply.errorFields()).containsExactly("start.date");
        }

        @Test
        void an_empty_or_non_object_end_is_a_bad_request() {
            Reply reply = ada.post(events, object("title", "x", "start", object(), "end", "2026-03-09"));

            reply.expect(400);
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("start", "end");
            assertThat(reply.errorCodes()).containsExactlyInAnyOrder("request.missing_field", "request.invalid_type");
        }

        @Test
        void an_unknown_member_of_start_is_named_with_its_path() {
            Reply reply = ada.post(events, object("title", "x", "start", object("date", "2026-03-08", "tz", "UTC"),
                    "end", day("2026-03-09")));

            reply.problem(400, "request.unknown_field");
            assertThat(reply.errorFields()).containsExactly("start.tz");
        }

        @Test
        void an_end_before_the_start_breaks_a_rule() {
            Reply reply = schedule("x", "2026-03-08T10:00", "2026-03-08T09:00");

            reply.problem(422, "event.time.end_not_after_start");
            assertThat(reply.errorFields()).containsExactly("end");
        }

        @Test
        void an_unknown_zone_breaks_a_rule_naming_the_member() {
            Reply reply = ada.post(events, object("title", "x", "start", wall("2026-03-08T09:00", "Nowhere/Land"),
                    "end", wall("2026-03-08T10:00", NY)));

            reply.problem(422, "event.time.zone.unknown");
            assertThat(reply.errorFields()).containsExactly("start.timeZone");
        }

        @Test
        void an_unknown_status_is_a_bad_request_and_cancelled_cannot_be_the_first() {
            ada.post(events, object("title", "x", "start", day("2026-03-08"), "end", day("2026-03-09"),
                    "status", "MAYBE")).problem(400, "request.invalid_value");
            ada.post(events, object("title", "x", "start", day("2026-03-08"), "end", day("2026-03-09"),
                    "status", "CANCELLED")).problem(422, "event.status.cancelled_on_create");
        }

        @Test
        void in_a_calendar_that_does_not_exist_it_is_not_found() {
            ada.post("/v1/calendars/00000000-0000-0000-0000-00000000ffff/events", object("title", "x",
                    "start", day("2026-03-08"), "end", day("2026-03-09"))).problem(404, "calendar.not_found");
            ada.post("/v1/calendars/nope/events", object()).problem(404, "calendar.not_found");
        }
    }

    @Nested
    class ReadingAndChanging {
        private String path;

        @BeforeEach
        void event() {
            path = schedule("Planning", "2026-03-08T09:00", "2026-03-08T10:00").expect(201).header("Location");
        }

        @Test
        void an_event_reads_back_with_its_etag_and_honours_if_none_match() {
            Reply reply = ada.get(path).expect(200);

            assertThat(reply.json().get("title").asText()).isEqualTo("Planning");
            assertThat(reply.header("ETag")).isEqualTo("\"0\"");
            ada.get(path, "If-None-Match", "\"0\"").expect(304);
        }

        @Test
        void an_event_id_that_is_not_a_uuid_or_unknown_is_not_found() {
            ada.get(events + "/42").problem(404, "event.not_found");
            ada.get(events + "/00000000-0000-0000-0000-00000000ffff").problem(404, "event.not_found");
        }

        @Test
        void another_account_cannot_see_or_touch_it() {
            JsonHttp bob = server.signedUp("bob@example.org");

            bob.get(path).problem(404, "calendar.not_found");
            bob.patch(path, object("title", "Mine")).problem(404, "calendar.not_found");
            bob.delete(path).problem(404, "calendar.not_found");
        }

        @Test
        void a_patch_replaces_present_fields_and_clears_nulls() {
            ada.patch(path, object("location", "Room 1", "description", "agenda")).expect(200);

            Reply reply = ada.patch(path, object("title", "Replanning", "location", null)).expect(200);

            JsonNode event = reply.json();
            assertThat(event.get("title").asText()).isEqualTo("Replanning");
            assertThat(event.get("location").asText()).isEmpty();
            assertThat(event.get("description").asText()).isEqualTo("agenda");
            assertThat(reply.header("ETag")).isEqualTo("\"2\"");
        }

        @Test
        void a_patch_inside_start_keeps_the_members_it_does_not_name() {
            Reply reply = ada.patch(path, object("start", object("dateTime", "2026-03-08T08:30"))).expect(200);

            assertThat(reply.json().get("start")).isEqualTo(wall("2026-03-08T08:30:00", NY));
            assertThat(reply.json().get("end")).isEqualTo(wall("2026-03-08T10:00:00", NY));
        }

        @Test
        void a_patch_can_turn_a_timed_event_into_an_all_day_one() {
            Reply reply = ada.patch(path, object("start", day("2026-03-08"), "end", day("2026-03-09")))
                    .expect(200);

            assertThat(reply.json().get("allDay").asBoolean()).isTrue();
            assertThat(reply.json().get("start")).isEqualTo(day("2026-03-08"));
        }

        @Test
        void a_patch_that_inverts_the_span_breaks_a_rule() {
            ada.patch(path, object("end", object("dateTime", "2026-03-08T08:00"))).problem(422,
                    "event.time.end_not_after_start");
        }

        @Test
        void nulls_for_required_fields_cannot_be_applied() {
            Reply reply = ada.patch(path, object("title", null, "start", null, "end", null, "status", null));

            reply.problem(422, "request.field_not_nullable");
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("title", "start", "end", "status");
        }

        @Test
        void bad_patches_are_bad_requests() {
            ada.patch(path, object("title", List.of("a"))).problem(400, "request.invalid_type");
            ada.patch(path, object("calendarId", "x")).problem(400, "request.unknown_field");
            ada.sendJson("PATCH", path, "{\"title\": }").problem(400, "request.malformed_json");
            ada.sendJson("PATCH", path, "{}", "Content-Type", "application/xml")
                    .problem(415, "request.unsupported_media_type");
        }

        @Test
        void a_stale_if_match_fails_and_a_current_one_applies() {
            ada.patch(path, object("title", "A")).expect(200);

            ada.patch(path, object("title", "B"), "If-Match", "\"0\"").problem(412, "precondition.failed");
            ada.patch(path, object("start", object("dateTime", "2026-03-08T08:00")), "If-Match", "\"0\"")
                    .problem(412, "precondition.failed");
            ada.patch(path, object("title", "B"), "If-Match", "\"1\"").expect(200);
            ada.delete(path, "If-Match", "\"1\"").problem(412, "precondition.failed");
            ada.delete(path, "If-Match", "\"2\"").expect(204);
        }

        @Test
        void a_deleted_event_is_gone() {
            ada.delete(path).expect(204);

            ada.get(path).problem(404, "event.not_found");
            ada.delete(path).problem(404, "event.not_found");
        }
    }

    @Nested
    class StatusMoves {
        private String path;

        @BeforeEach
        void event() {
            path = schedule("Planning", "2026-03-08T09:00", "2026-03-08T10:00").expect(201).header("Location");
        }

        @Test
        void confirmed_and_tentative_switch_freely() {
            assertThat(ada.patch(path, object("status", "TENTATIVE")).expect(200).json().get("status").asText())
                    .isEqualTo("TENTATIVE");
            assertThat(ada.patch(path, object("status", "CONFIRMED")).expect(200).json().get("status").asText())
                    .isEqualTo("CONFIRMED");
        }

        @Test
        void a_cancelled_event_stays_cancelled_and_the_error_names_both_states() {
            ada.patch(path, object("status", "CANCELLED")).expect(200);

            Reply reply = ada.patch(path, object("status", "CONFIRMED"));

            reply.problem(422, "event.status.illegal_transition");
            assertThat(reply.errorFields()).containsExactly("status");
            assertThat(reply.json().get("detail").asText()).contains("CANCELLED").contains("CONFIRMED");
        }

        @Test
        void a_status_move_together_with_other_changes_follows_the_same_rules() {
            ada.patch(path, object("status", "CANCELLED", "title", "Off")).expect(200);

            ada.patch(path, object("status", "TENTATIVE", "title", "On")).problem(422,
                    "event.status.illegal_transition");
        }

        @Test
        void an_unknown_status_is_a_bad_request() {
            ada.patch(path, object("status", "confirmed")).problem(400, "request.invalid_value");
            ada.patch(path, object("status", 1)).problem(400, "request.invalid_type");
        }
    }

    @Nested
    class Window {
        @BeforeEach
        void week() {
            schedule("Before", "2026-03-01T09:00", "2026-03-01T10:00").expect(201);
            schedule("Overnight into the week", "2026-03-01T23:00", "2026-03-02T07:00").expect(201);
            schedule("Monday review", "2026-03-02T09:00", "2026-03-02T10:00").expect(201);
            schedule("Tuesday REVIEW", "2026-03-03T09:00", "2026-03-03T10:00").expect(201);
            ada.post(events, object("title", "Offsite", "start", day("2026-03-04"), "end", day("2026-03-06")))
                    .expect(201);
            schedule("Friday review", "2026-03-06T09:00", "2026-03-06T10:00").expect(201);
            schedule("Next week", "2026-03-09T09:00", "2026-03-09T10:00").expect(201);
        }

        private List<String> titles(String query) {
            List<String> titles = new ArrayList<>();
            String next = events + "?" + query;
            while (next != null) {
                JsonNode page = ada.get(next).expect(200).json();
                page.get("items").forEach(item -> titles.add(item.get("title").asText()));
                next = page.has("nextCursor") ? events + "?" + query + "&cursor=" + page.get("nextCursor").asText()
                        : null;
            }
            return titles;
        }

        @Test
        void the_week_lists_overlapping_events_in_start_order_across_pages() {
            List<String> titles = titles("from=2026-03-02T05:00:00Z&to=2026-03-09T05:00:00Z&limit=2");

            assertThat(titles).containsExactly("Overnight into the week", "Monday review", "Tuesday REVIEW",
                    "Offsite", "Friday review");
        }

        @Test
        void q_filters_titles_ignoring_case() {
            assertThat(titles("from=2026-03-02T05:00:00Z&to=2026-03-09T05:00:00Z&q=review"))
                    .containsExactly("Monday review", "Tuesday REVIEW", "Friday review");
        }

        @Test
        void offsets_other_than_z_are_understood() {
            assertThat(titles("from=2026-03-02T00:00:00-05:00&to=2026-03-03T00:00:00%2B00:00"))
                    .containsExactly("Overnight into the week", "Monday review");
        }

        @Test
        void missing_bounds_are_named() {
            Reply reply = ada.get(events + "?to=2026-03-09T00:00:00Z");

            reply.problem(400, "request.missing_parameter");
            assertThat(reply.errorFields()).containsExactly("from");
            ada.get(events + "?from=2026-03-09T00:00:00Z").problem(400, "request.missing_parameter");
        }

        @Test
        void unreadable_bounds_are_a_bad_request() {
            Reply reply = ada.get(events + "?from=yesterday&to=2026-03-09T00:00:00Z");

            reply.problem(400, "request.invalid_parameter");
            assertThat(reply.errorFields()).containsExactly("from");
            ada.get(events + "?from=2026-03-02T00:00:00&to=2026-03-09T00:00:00Z")
                    .problem(400, "request.invalid_parameter");
        }

        @Test
        void an_empty_window_or_bad_paging_breaks_a_rule() {
            ada.get(events + "?from=2026-03-09T00:00:00Z&to=2026-03-02T00:00:00Z").problem(422, "window.empty");
            ada.get(events + "?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&limit=1000")
                    .problem(422, "page.limit.out_of_range");
            ada.get(events + "?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&limit=x")
                    .problem(400, "request.invalid_parameter");
            ada.get(events + "?from=2026-03-02T00:00:00Z&to=2026-03-09T00:00:00Z&cursor=zzz")
                    .problem(422, "page.cursor.invalid");
        }
    }
}
