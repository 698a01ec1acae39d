package dev.almanac.adapter.http.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The contract helper itself, on hand-made responses: no server needed. */
class OpenApiContractTest {

    private static final String CALENDAR_ID = "0b9d6a4e-3c1f-4d8e-9a57-2f6c1e0d4b21";
    private static final String EVENT_ID = "7f3e2a10-5b4c-4e6d-8f91-0a2b3c4d5e6f";
    private static final Map<String, List<String>> PROBLEM_JSON =
            Map.of("Content-Type", List.of("application/problem+json"));
    private static final Map<String, List<String>> JSON = Map.of("Content-Type", List.of("application/json"));

    private final OpenApiContract contract = OpenApiContract.load();

    @Test
    void the_document_describes_exactly_the_routes_of_the_wire_contract() {
        assertThat(contract.documentedOperations()).containsExactlyInAnyOrder(
                "POST /v1/accounts",
                "POST /v1/accounts/verify",
                "POST /v1/accounts/verify/resend",
                "POST /v1/me/email",
                "POST /v1/auth/token",
                "GET /v1/me",
                "POST /v1/me/password",
                "POST /v1/me/delete",
                "POST /v1/auth/refresh",
                "POST /v1/auth/logout",
                "GET /v1/me/sessions",
                "DELETE /v1/me/sessions/{sessionId}",
                "GET /v1/me/audit",
                "POST /v1/me/api-keys",
                "GET /v1/me/api-keys",
                "DELETE /v1/me/api-keys/{apiKeyId}",
                "GET /.well-known/jwks.json",
                "GET /v1/calendars",
                "POST /v1/calendars",
                "GET /v1/calendars/{calendarId}",
                "PATCH /v1/calendars/{calendarId}",
                "DELETE /v1/calendars/{calendarId}",
                "GET /v1/calendars/{calendarId}/events",
                "POST /v1/calendars/{calendarId}/events",
                "GET /v1/calendars/{calendarId}/events/{eventId}",
                "PATCH /v1/calendars/{calendarId}/events/{eventId}",
                "DELETE /v1/calendars/{calendarId}/events/{eventId}",
                "GET /v1/calendars/{calendarId}/ical",
                "POST /v1/calendars/{calendarId}/ical",
                "POST /v1/calendars/{calendarId}/feeds",
                "DELETE /v1/calendars/{calendarId}/feeds/{feedId}",
                "GET /v1/feeds/{token}",
                "GET /health",
                "GET /openapi.yaml",
                "GET /docs", "GET /docs/{file}");
    }

    @Nested
    class Problems {

        @Test
        void a_well_formed_rule_violation_passes() {
            String body = """
                    {"type":"urn:almanac:problem:event.time.end_not_after_start","title":"Unprocessable request",
                     "status":422,"detail":"end must be after start","code":"event.time.end_not_after_start",
                     "instance":"/v1/calendars/%s/events","requestId":"r-1",
                     "errors":[{"field":"end","code":"event.time.end_not_after_start","message":"end must be after start"}]}
                    """.formatted(CALENDAR_ID);

            assertThatCode(() -> contract.assertResponseMatches("POST", "/v1/calendars/" + CALENDAR_ID + "/events",
                    422, PROBLEM_JSON, body)).doesNotThrowAnyException();
        }

        @Test
        void a_problem_with_a_charset_in_its_content_type_passes() {
            String body = notFound("calendar.not_found");

            assertThatCode(() -> contract.assertResponseMatches("GET", "/v1/calendars/" + CALENDAR_ID, 404,
                    Map.of("content-type", List.of("application/problem+json;charset=utf-8")), body))
                    .doesNotThrowAnyException();
        }

        @Test
        void a_problem_that_leaks_a_stack_trace_fails() {
            String body = """
                    {"type":"urn:almanac:problem:internal","title":"Internal error","status":500,
                     "detail":"Something went wrong on our side","code":"internal",
                     "stackTrace":"java.lang.NullPointerException at dev.almanac..."}
                    """;

            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/me", 500, PROBLEM_JSON, body))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("GET /v1/me")
                    .hasMessageContaining("stackTrace");
        }

        @Test
        void a_problem_without_its_code_fails() {
            String body = """
                    {"type":"urn:almanac:problem:calendar.not_found","title":"Not found","status":404,
                     "detail":"There is no such calendar."}
                    """;

            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/calendars/" + CALENDAR_ID, 404,
                    PROBLEM_JSON, body))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("code");
        }

        @Test
        void a_problem_whose_type_is_not_an_almanac_urn_fails() {
            String body = """
                    {"type":"about:blank","title":"Not found","status":404,"detail":"No.","code":"calendar.not_found"}
                    """;

            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/calendars/" + CALENDAR_ID, 404,
                    PROBLEM_JSON, body)).isInstanceOf(AssertionError.class);
        }

        @Test
        void a_problem_sent_as_plain_json_fails() {
            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/calendars/" + CALENDAR_ID, 404,
                    JSON, notFound("calendar.not_found")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("contentType");
        }

        @Test
        void a_status_the_route_does_not_document_fails() {
            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/me", 409, PROBLEM_JSON,
                    notFound("calendar.conflict")))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("409");
        }

        @Test
        void a_401_without_www_authenticate_fails_and_with_it_passes() {
            String body = """
                    {"type":"urn:almanac:problem:auth.token.missing","title":"Unauthorized","status":401,
                     "detail":"Send Authorization: Bearer <token>","code":"auth.token.missing"}
                    """;

            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/calendars", 401, PROBLEM_JSON, body))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("WWW-Authenticate");
            assertThatCode(() -> contract.assertResponseMatches("GET", "/v1/calendars", 401,
                    Map.of("Content-Type", List.of("application/problem+json"),
                            "www-authenticate", List.of("Bearer")), body))
                    .doesNotThrowAnyException();
        }

        @Test
        void an_id_that_is_not_a_uuid_may_still_be_answered_404() {
            assertThatCode(() -> contract.assertResponseMatches("GET", "/v1/calendars/not-a-uuid", 404,
                    PROBLEM_JSON, notFound("calendar.not_found"))).doesNotThrowAnyException();
        }
    }

    @Nested
    class Resources {

        @Test
        void a_timed_event_with_its_etag_passes_and_the_query_string_is_ignored() {
            var headers = Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"3\""));

            assertThatCode(() -> contract.assertResponseMatches("GET",
                    "/v1/calendars/" + CALENDAR_ID + "/events/" + EVENT_ID + "?ignored=1", 200, headers,
                    event("""
                            {"dateTime":"2026-03-08T09:00:00","timeZone":"America/New_York"}""", """
                            {"dateTime":"2026-03-08T10:30","timeZone":"Europe/Berlin"}""", false)))
                    .doesNotThrowAnyException();
        }

        @Test
        void an_all_day_event_passes() {
            var headers = Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"0\""),
                    "Location", List.of("/v1/calendars/" + CALENDAR_ID + "/events/" + EVENT_ID));

            assertThatCode(() -> contract.assertResponseMatches("POST", "/v1/calendars/" + CALENDAR_ID + "/events",
                    201, headers, event("{\"date\":\"2026-03-08\"}", "{\"date\":\"2026-03-09\"}", true)))
                    .doesNotThrowAnyException();
        }

        @Test
        void an_event_time_with_both_shapes_at_once_fails() {
            var headers = Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"3\""));

            assertThatThrownBy(() -> contract.assertResponseMatches("GET",
                    "/v1/calendars/" + CALENDAR_ID + "/events/" + EVENT_ID, 200, headers,
                    event("""
                            {"date":"2026-03-08","dateTime":"2026-03-08T09:00:00","timeZone":"UTC"}""",
                            "{\"date\":\"2026-03-09\"}", true)))
                    .isInstanceOf(AssertionError.class);
        }

        @Test
        void a_wall_time_with_an_offset_fails() {
            var headers = Map.of("Content-Type", List.of("application/json"), "ETag", List.of("\"3\""));

            assertThatThrownBy(() -> contract.assertResponseMatches("GET",
                    "/v1/calendars/" + CALENDAR_ID + "/events/" + EVENT_ID, 200, headers,
                    event("""
                            {"dateTime":"2026-03-08T09:00:00-05:00","timeZone":"America/New_York"}""", """
                            {"dateTime":"2026-03-08T10:00:00","timeZone":"America/New_York"}""", false)))
                    .isInstanceOf(AssertionError.class);
        }

        @Test
        void a_calendar_without_its_etag_fails() {
            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/calendars/" + CALENDAR_ID, 200, JSON,
                    calendar()))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("ETag");
        }

        @Test
        void a_weak_etag_fails() {
            var headers = Map.of("Content-Type", List.of("application/json"), "ETag", List.of("W/\"3\""));

            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/calendars/" + CALENDAR_ID, 200,
                    headers, calendar())).isInstanceOf(AssertionError.class);
        }

        @Test
        void a_not_modified_answer_has_no_body() {
            assertThatCode(() -> contract.assertResponseMatches("GET", "/v1/calendars/" + CALENDAR_ID, 304,
                    Map.of("ETag", List.of("\"3\"")), "")).doesNotThrowAnyException();
        }

        @Test
        void an_account_that_shows_its_password_hash_fails() {
            String body = """
                    {"id":"%s","email":"ada@example.org","displayName":"Ada","status":"ACTIVE",
                     "createdAt":"2026-01-02T03:04:05Z","passwordHash":"$argon2id$v=19$..."}
                    """.formatted(CALENDAR_ID);

            assertThatThrownBy(() -> contract.assertResponseMatches("GET", "/v1/me", 200, JSON, body))
                    .isInstanceOf(AssertionError.class)
                    .hasMessageContaining("passwordHash");
        }

        @Test
        void a_list_page_without_a_next_cursor_passes() {
            String body = "{\"items\":[" + calendar() + "]}";

            assertThatCode(() -> contract.assertResponseMatches("GET", "/v1/calendars?limit=1", 200, JSON, body))
                    .doesNotThrowAnyException();
        }

        @Test
        void a_response_received_by_the_http_client_is_checked_with_its_request() {
            var request = HttpRequest.newBuilder(URI.create("http://localhost:1/health")).GET().build();
            var down = new Received(request, 503, HttpHeaders.of(JSON, (a, b) -> true),
                    "{\"status\":\"DOWN\"}");
            var garbled = new Received(request, 200, HttpHeaders.of(JSON, (a, b) -> true),
                    "{\"status\":\"MAYBE\"}");

            assertThatCode(() -> contract.assertResponseMatches(down)).doesNotThrowAnyException();
            assertThatThrownBy(() -> contract.assertResponseMatches(garbled)).isInstanceOf(AssertionError.class);
        }
    }

    private static String notFound(String code) {
        return """
                {"type":"urn:almanac:problem:%s","title":"Not found","status":404,"detail":"There is no such thing.",
                 "code":"%s"}
                """.formatted(code, code);
    }

    private static String calendar() {
        return """
                {"id":"%s","name":"Work","description":"","timeZone":"Europe/Berlin",
                 "createdAt":"2026-01-02T03:04:05.123456Z","updatedAt":"2026-01-02T03:04:05.123456Z"}
                """.formatted(CALENDAR_ID);
    }

    private static String event(String start, String end, boolean allDay) {
        return """
                {"id":"%s","calendarId":"%s","title":"Standup","description":"","location":"",
                 "start":%s,"end":%s,"allDay":%s,"status":"CONFIRMED",
                 "createdAt":"2026-01-02T03:04:05Z","updatedAt":"2026-01-02T03:04:05.5Z"}
                """.formatted(EVENT_ID, CALENDAR_ID, start, end, allDay);
    }

    /** A response as java.net.http hands it over, made by hand. */
    private record Received(HttpRequest request, int statusCode, HttpHeaders headers, String body)
            implements HttpResponse<String> {
        @Override
        public Optional<HttpResponse<String>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return HttpClient.Version.HTTP_1_1;
        }
    }
}
