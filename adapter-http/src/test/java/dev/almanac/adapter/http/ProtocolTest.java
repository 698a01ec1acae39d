package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.util.Arrays;
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
    class Authentication {
        @Test
        void every_protected_route_asks_for_a_token() {
            String id = "00000000-0000-0000-0000-000000000001";
            int checked = 0;
            for (String route : server.api().routes()) {
                String[] parts = route.split(" ");
                String method = parts[0];
                String path = parts[1].replace("{calendarId}", id).replace("{eventId}", id)
                        .replace("{sessionId}", id).replace("{file}", "swagger-ui.css");
                boolean isPublic = path.equals("/v1/accounts") || path.equals("/v1/auth/token")
                        || path.equals("/v1/auth/refresh") || path.equals("/v1/auth/logout")
                        || !path.startsWith("/v1/");
                if (isPublic) {
                    continue;
                }
                Reply reply = http.send(method, path, HttpRequest.BodyPublishers.ofString("{}"),
                        "Content-Type", "application/json");
                reply.problem(401, "auth.token_missing");
                assertThat(reply.header("WWW-Authenticate")).as(route).startsWith("Bearer");
                checked++;
            }
            assertThat(checked).isEqualTo(13);
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
    }

    @Nested
    class BodyLimits {
        @Test
        void a_body_over_one_mebibyte_with_a_content_length_is_too_large() {
            byte[] body = new byte[(int) MIB + 1];
            Arrays.fill(body, (byte) ' ');

            http.send("POST", "/v1/accounts", HttpRequest.BodyPublishers.ofByteArray(body),
                    "Content-Type", "application/json").problem(413, "request.body_too_large");
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
