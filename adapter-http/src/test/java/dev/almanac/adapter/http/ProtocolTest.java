package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.Json;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import io.javalin.http.HandlerType;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What every route shares: authentication, routing errors, body limits, request ids, health and docs. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolTest {
    private static final long MIB = 1024 * 1024;

    private ApiServer server;
    private JsonHttp http;

    @BeforeAll
    void start() {
        server = ApiServer.start();
        http = server.client();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Nested
    class Compression {
        @Test
        void a_large_answer_is_gzipped_for_a_client_that_accepts_it_and_plain_for_one_that_does_not() {
            JsonHttp ada = server.signedUp("zip@example.org");
            String calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "UTC")).expect(201)
                    .header("Location");
            for (int day = 1; day <= 15; day++) {
                String date = String.format("2026-03-%02d", day);
                ada.post(calendar + "/events", object("title", "Stand-up " + day,
                        "start", Json.wall(date + "T09:00", "UTC"), "end", Json.wall(date + "T09:15", "UTC")))
                        .expect(201);
            }
            String window = calendar + "/events?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

            Reply plain = ada.get(window);
            Reply zipped = ada.get(window, "Accept-Encoding", "gzip");

            assertThat(plain.body().length()).as("large enough to compress, and copied in several writes")
                    .isGreaterThan(HttpApi.RESULT_COPY_BUFFER_BYTES);
            assertThat(plain.header("Content-Encoding")).isNull();
            assertThat(plain.json().get("items")).hasSize(15);
            assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(zipped.body()).as("the same answer, once decompressed").isEqualTo(plain.body());
            assertThat(List.of(plain.header("Vary"), zipped.header("Vary"))).as("caches keep the two apart")
                    .containsOnly("Accept-Encoding");
            assertThat(http.get("/openapi.yaml", "Accept-Encoding", "gzip").header("Vary"))
                    .as("a public, cacheable answer too").isEqualTo("Accept-Encoding");
            assertThat(HttpApi.OWN_MEDIA_TYPES).as("recognised at once, not searched for (HttpApi.compression)")
                    .contains(zipped.header("Content-Type"), plain.header("Content-Type"));
        }

        @Test
        void an_answer_larger_than_the_server_buffers_arrives_whole_gzipped_or_plain() {
            JsonHttp cy = server.signedUp("big@example.org");
            String calendar = cy.post("/v1/calendars", object("name", "Busy", "timeZone", "UTC")).expect(201)
                    .header("Location");
            for (int i = 0; i < 120; i++) {
                String start = String.format("2026-03-%02dT%02d:00", 1 + i / 8, 8 + i % 8);
                String end = String.format("2026-03-%02dT%02d:30", 1 + i / 8, 8 + i % 8);
                cy.post(calendar + "/events", object("title", "Meeting " + i + " " + "x".repeat(100),
                        "start", Json.wall(start, "UTC"), "end", Json.wall(end, "UTC"))).expect(201);
            }
            String window = calendar + "/events?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z&limit=120";

            Reply plain = cy.get(window);
            Reply zipped = cy.get(window, "Accept-Encoding", "gzip");

            assertThat(plain.body().length()).as("more than Jetty's 32 KiB output buffer").isGreaterThan(32 * 1024);
            assertThat(plain.json().get("items")).hasSize(120);
            assertThat(plain.header("Content-Encoding")).isNull();
            assertThat(zipped.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(zipped.body()).isEqualTo(plain.body());

            // Between Jetty's 8 KiB write-gathering size and its 32 KiB buffer: copied in 4 KiB writes, the answer
            // is gathered whole before it is sent, so its length is known (one 32 KiB write went out chunked).
            Reply medium = cy.get(window.replace("limit=120", "limit=25"));
            int mediumBytes = medium.body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            assertThat(mediumBytes).isBetween(8 * 1024, 32 * 1024);
            assertThat(medium.header("Content-Length")).isEqualTo(String.valueOf(mediumBytes));

            // Just over the compression threshold, under the copy buffer: one write, gzipped for a client that asks.
            Reply small = cy.get(window.replace("limit=120", "limit=3"));
            Reply smallZipped = cy.get(window.replace("limit=120", "limit=3"), "Accept-Encoding", "gzip");
            assertThat(small.body().length()).isBetween(HttpApi.COMPRESSION_THRESHOLD_BYTES,
                    HttpApi.RESULT_COPY_BUFFER_BYTES);
            assertThat(smallZipped.header("Content-Encoding")).isEqualTo("gzip");
            assertThat(smallZipped.body()).isEqualTo(small.body());
        }

        @Test
        void the_copy_buffer_is_no_smaller_than_the_compression_threshold_so_the_first_write_decides_alike() {
            // Javalin decides on compression by the first write's length; a smaller buffer would leave answers
            // between the two sizes uncompressed.
            assertThat(HttpApi.RESULT_COPY_BUFFER_BYTES).isGreaterThanOrEqualTo(HttpApi.COMPRESSION_THRESHOLD_BYTES);
            assertThat(HttpApi.compression().getDefaultMinSizeForCompression())
                    .isEqualTo(HttpApi.COMPRESSION_THRESHOLD_BYTES);
        }

        @Test
        void a_small_answer_and_a_problem_are_sent_as_they_are_even_to_a_client_that_accepts_gzip() {
            JsonHttp bob = server.signedUp("small@example.org");
            Reply me = bob.get("/v1/me", "Accept-Encoding", "gzip");
            Reply problem = bob.get("/v1/calendars/not-a-uuid", "Accept-Encoding", "gzip");

            assertThat(me.expect(200).header("Content-Encoding")).isNull();
            assertThat(problem.header("Content-Encoding")).isNull();
            assertThat(HttpApi.OWN_MEDIA_TYPES).contains(me.header("Content-Type"), problem.header("Content-Type"));
        }
    }

    @Nested
    class Authentication {
        @Test
        void every_protected_route_asks_for_a_token() {
            String id = "00000000-0000-0000-0000-000000000001";
            int checked = 0;
            for (String route : server.api().routes()) {
                String[] parts = route.split(" ");
                String method = parts[0];
                String path = parts[1].replace("{calendarId}", id).replace("{eventId}", id)
                        .replace("{sessionId}", id).replace("{feedId}", id).replace("{apiKeyId}", id).replace("{file}", "swagger-ui.css");
                // The feed route is public by design: its unguessable token is its credential (FeedRoutesTest).
                boolean isPublic = path.equals("/v1/accounts") || path.startsWith("/v1/accounts/verify")
                        || path.equals("/v1/auth/token")
                        || path.equals("/v1/auth/refresh") || path.equals("/v1/auth/logout")
                        || !path.startsWith("/v1/") || path.startsWith("/v1/feeds/");
                if (isPublic) {
                    continue;
                }
                Reply reply = http.send(method, path, HttpRequest.BodyPublishers.ofString("{}"),
                        "Content-Type", "application/json");
                reply.problem(401, "auth.token_missing");
                assertThat(reply.header("WWW-Authenticate")).as("RFC 6750: no error code without credentials, " + route)
                        .isEqualTo("Bearer");
                checked++;
            }
            assertThat(checked).isEqualTo(24);
        }

        @Test
        void public_routes_need_no_token() {
            http.get("/health").expect(200);
            http.get("/openapi.yaml").expect(200);
            http.get("/docs").expect(200);
        }
    }

    @Nested
    class Routing {
        @Test
        void an_unknown_route_is_a_not_found_problem() {
            http.get("/v2/nothing").problem(404, "route.not_found");
            http.get("/").problem(404, "route.not_found");
        }

        @Test
        void a_known_route_with_another_method_is_not_allowed() {
            Reply reply = http.send("PUT", "/v1/me", HttpRequest.BodyPublishers.noBody());

            reply.problem(405, "request.method_not_allowed");
            assertThat(reply.header("Allow")).contains("GET");
        }

        // Javalin tries a method's routes in the order they were registered, so the routes clients call most come
        // first, and no path can match two routes of one method, so the order never decides which one answers.

        @Test
        void no_path_matches_two_routes_of_one_method() {
            List<Routes.Route> table = server.api().table();
            var clashes = new java.util.ArrayList<String>();
            for (int i = 0; i < table.size(); i++) {
                for (int j = i + 1; j < table.size(); j++) {
                    Routes.Route a = table.get(i);
                    Routes.Route b = table.get(j);
                    if (a.method() == b.method() && onePathMatchesBoth(a.path(), b.path())) {
                        clashes.add(a.method() + " " + a.path() + " and " + b.path());
                    }
                }
            }
            assertThat(clashes).isEmpty();
        }

        @Test
        void the_clash_check_sees_a_clash() {
            assertThat(onePathMatchesBoth("/v1/calendars/{calendarId}", "/v1/calendars/{id}")).isTrue();
            assertThat(onePathMatchesBoth("/v1/me/{what}", "/v1/me/audit")).isTrue();
            assertThat(onePathMatchesBoth("/v1/me/sessions", "/v1/me/audit")).isFalse();
            assertThat(onePathMatchesBoth("/docs", "/docs/{file}")).isFalse();
        }

        @Test
        void the_event_routes_are_tried_first() {
            String event = "/v1/calendars/{calendarId}/events/{eventId}";
            String events = "/v1/calendars/{calendarId}/events";
            assertThat(paths(HandlerType.GET)).startsWith(event, events);
            assertThat(paths(HandlerType.PATCH)).startsWith(event);
            assertThat(paths(HandlerType.DELETE)).startsWith(event);
            assertThat(paths(HandlerType.POST)).startsWith(events);
        }

        private List<String> paths(HandlerType method) {
            return server.api().table().stream().filter(r -> r.method() == method).map(Routes.Route::path).toList();
        }

        /**
         * Whether one path can match both templates: as many segments, and at every segment the same literal or a
         * parameter ({@code {name}}, one whole segment) on at least one side.
         */
        private boolean onePathMatchesBoth(String a, String b) {
            String[] left = a.split("/");
            String[] right = b.split("/");
            if (left.length != right.length) {
                return false;
            }
            for (int i = 0; i < left.length; i++) {
                if (!left[i].equals(right[i]) && !left[i].startsWith("{") && !right[i].startsWith("{")) {
                    return false;
                }
            }
            return true;
        }
    }

    @Nested
    class BodyLimits {
        @Test
        void a_body_over_one_mebibyte_with_a_content_length_is_too_large() {
            assertThat(http.announcingTooLargeABody("POST", "/v1/accounts", "application/json", MIB + 1))
                    .startsWith("HTTP/1.1 413").contains("application/problem+json")
                    .contains("\"code\":\"request.body_too_large\"");
        }

        @Test
        void a_body_of_exactly_one_mebibyte_is_read() {
            byte[] body = new byte[(int) MIB];
            Arrays.fill(body, (byte) ' ');
            body[0] = '{';
            body[body.length - 1] = '}';

            http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofByteArray(body),
                    "Content-Type", "application/json").problem(400, "request.missing_field");
        }

        @Test
        void a_chunked_body_is_cut_off_after_one_mebibyte_without_being_read_whole() throws Exception {
            long limit = 64 * MIB;
            AtomicLong sent = new AtomicLong();
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(20_000);
                OutputStream out = socket.getOutputStream();
                out.write(("POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n").getBytes(US_ASCII));
                CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> {
                    byte[] chunk = new byte[64 * 1024];
                    Arrays.fill(chunk, (byte) ' ');
                    byte[] head = (Integer.toHexString(chunk.length) + "\r\n").getBytes(US_ASCII);
                    try {
                        while (sent.get() < limit) {
                            out.write(head);
                            out.write(chunk);
                            out.write("\r\n".getBytes(US_ASCII));
                            sent.addAndGet(chunk.length);
                        }
                    } catch (IOException closedByServer) {
                        // expected: the server stops reading and closes the connection
                    }
                });
                var in = new BufferedReader(new InputStreamReader(socket.getInputStream(), US_ASCII));
                String statusLine = in.readLine();

                assertThat(statusLine).startsWith("HTTP/1.1 413");
                writer.get(30, TimeUnit.SECONDS);
                assertThat(sent.get()).as("bytes the client managed to send").isLessThan(limit);
            }
        }

        @Test
        void a_missing_content_type_is_unsupported() {
            http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofString("{}"))
                    .problem(415, "request.unsupported_media_type");
        }
    }

    @Nested
    class MalformedRequests {
        /** Sends raw bytes and returns the whole answer (status line, headers, body) as text. */
        private String raw(String request, boolean closeOutput) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                socket.setSoTimeout(20_000);
                socket.getOutputStream().write(request.getBytes(US_ASCII));
                socket.getOutputStream().flush();
                if (closeOutput) {
                    socket.shutdownOutput();
                }
                return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            }
        }

        /** The answer is a problem document with {@code status} and {@code code}, naming its request. */
        private String assertProblem(String answer, int status, String code) {
            assertThat(answer).startsWith("HTTP/1.1 " + status);
            assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
            assertThat(answer).contains("\"code\":\"" + code + "\"").doesNotContain("<html").doesNotContain("Exception");
            java.util.regex.Matcher header = java.util.regex.Pattern.compile("(?im)^x-request-id: (\\S+)\r?$")
                    .matcher(answer);
            assertThat(header.find()).as("an X-Request-Id header in%n%s", answer).isTrue();
            assertThat(answer).contains("\"requestId\":\"" + header.group(1) + "\"");
            return header.group(1);
        }

        @Test
        void a_body_shorter_than_its_content_length_is_a_bad_request_not_a_server_error() throws Exception {
            String answer = raw("POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 1000\r\nConnection: close\r\n\r\n{\"email\":", true);
            assertProblem(answer, 400, "request.body_incomplete");
        }

        @Test
        void broken_chunked_framing_is_a_bad_request() throws Exception {
            String answer = raw("POST /v1/accounts HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n", true);
            assertThat(answer).startsWith("HTTP/1.1 400");
            assertThat(answer).doesNotContain("<html").doesNotContain("Exception");
        }

        @Test
        void a_path_jetty_refuses_gets_a_problem_document_not_an_html_page() throws Exception {
            assertProblem(raw("GET /v1/calendars/%ZZ HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n", false),
                    400, "request.malformed");
        }

        @Test
        void a_request_without_host_gets_a_problem_document() throws Exception {
            assertProblem(raw("GET /health HTTP/1.1\r\nConnection: close\r\n\r\n", false), 400, "request.malformed");
        }

        @Test
        void headers_that_are_too_large_get_a_problem_document() throws Exception {
            String answer = raw("GET /v1/me HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + "a".repeat(60_000)
                    + "\r\nConnection: close\r\n\r\n", false);
            assertProblem(answer, 431, "request.headers_too_large");
        }

        @Test
        void an_empty_media_type_is_unsupported_not_a_crash() {
            http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofString("{}"), "Content-Type", ";")
                    .problem(415, "request.unsupported_media_type");
        }

        @Test
        void a_compressed_body_is_refused_rather_than_parsed_as_plain_json() {
            http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofString("{}"),
                    "Content-Type", "application/json", "Content-Encoding", "gzip")
                    .problem(415, "request.unsupported_content_encoding");
        }

        @Test
        void overlong_utf8_and_utf16_bodies_are_refused_not_guessed_at() {
            byte[] overlong = "{\"email\":\"a\u00c0\u00af\"}".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofByteArray(overlong),
                    "Content-Type", "application/json").problem(400, "request.invalid_encoding");
            byte[] utf16 = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_16);
            http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofByteArray(utf16),
                    "Content-Type", "application/json").problem(400, "request.invalid_encoding");
        }

        @Test
        void a_body_naming_thousands_of_unknown_fields_gets_a_bounded_answer() {
            StringBuilder body = new StringBuilder("{");
            for (int i = 0; i < 5_000; i++) {
                body.append(i == 0 ? "" : ",").append('"').append(i).append("\":0");
            }
            Reply reply = http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofString(body + "}"),
                    "Content-Type", "application/json");
            reply.problem(400, "request.unknown_field");
            assertThat(reply.json().get("errors")).hasSize(51);
            assertThat(reply.json().get("errors").get(50).get("code").asText()).isEqualTo("request.too_many_errors");
        }

        @Test
        void two_authorization_headers_are_refused() {
            http.send("GET", "/v1/calendars", HttpRequest.BodyPublishers.noBody(), "Authorization", "Bearer a",
                    "Authorization", "Bearer b").problem(400, "request.invalid_header");
        }
    }

    @Nested
    class Head {
        @Test
        void head_answers_like_get_without_a_body() {
            Reply health = http.send("HEAD", "/health", HttpRequest.BodyPublishers.noBody());
            assertThat(health.status()).isEqualTo(200);
            assertThat(health.body()).isEmpty();
            assertThat(http.send("HEAD", "/openapi.yaml", HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(200);
        }

        @Test
        void head_on_a_protected_route_needs_a_token_and_says_what_get_would() {
            assertThat(http.send("HEAD", "/v1/me", HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(401);
            JsonHttp ada = server.signedUp("head@example.org");
            String missing = "/v1/calendars/00000000-0000-0000-0000-000000000009";
            assertThat(ada.send("HEAD", missing, HttpRequest.BodyPublishers.noBody()).status()).isEqualTo(404);
            String calendar = ada.post("/v1/calendars", dev.almanac.adapter.http.testing.Json.object("name", "Work",
                    "timeZone", "UTC")).expect(201).header("Location");
            Reply head = ada.send("HEAD", calendar, HttpRequest.BodyPublishers.noBody());
            assertThat(head.status()).isEqualTo(200);
            assertThat(head.header("ETag")).isEqualTo("\"0\"");
            assertThat(head.body()).isEmpty();
        }
    }

    @Nested
    class RequestIds {
        @Test
        void a_sane_incoming_request_id_is_echoed() {
            assertThat(http.get("/health", "X-Request-Id", "trace-42.abc").header("X-Request-Id"))
                    .isEqualTo("trace-42.abc");
        }

        @Test
        void an_insane_or_missing_request_id_is_replaced() {
            String replaced = http.get("/health", "X-Request-Id", "<script>").header("X-Request-Id");
            String generated = http.get("/health").header("X-Request-Id");

            assertThat(replaced).matches("[0-9a-f-]{36}");
            assertThat(generated).matches("[0-9a-f-]{36}");
        }

        @Test
        void errors_carry_the_request_id_too() {
            assertThat(http.get("/v1/me", "X-Request-Id", "abc-1").header("X-Request-Id")).isEqualTo("abc-1");
        }
    }

    @Nested
    class Health {
        @Test
        void up_with_the_version() {
            Reply reply = http.get("/health").expect(200);

            assertThat(reply.json()).isEqualTo(object("status", "UP", "version", ApiServer.VERSION));
        }

        @Test
        void down_when_the_database_is() {
            server.databaseUp(false);
            try {
                assertThat(http.get("/health").expect(503).json()).isEqualTo(object("status", "DOWN"));
            } finally {
                server.databaseUp(true);
            }
        }
    }

    @Nested
    class Docs {
        @Test
        void the_openapi_document_is_served_as_yaml() {
            Reply reply = http.get("/openapi.yaml").expect(200);

            assertThat(reply.header("Content-Type")).startsWith("application/yaml");
            assertThat(reply.body()).startsWith("openapi: 3");
        }

        @Test
        void swagger_ui_is_served_from_the_webjar() {
            assertThat(http.get("/docs").expect(200).body()).contains("/openapi.yaml").contains("swagger-ui-bundle.js");
            assertThat(http.get("/docs/swagger-ui-bundle.js").expect(200).header("Content-Type"))
                    .startsWith("text/javascript");
            assertThat(http.get("/docs/swagger-ui.css").expect(200).body()).isNotEmpty();
        }

        @Test
        void only_the_listed_ui_files_are_served() {
            http.get("/docs/pom.properties").problem(404, "docs.not_found");
            http.get("/docs/..%2F..%2Fopenapi.yaml").expect(404);
        }
    }
}
