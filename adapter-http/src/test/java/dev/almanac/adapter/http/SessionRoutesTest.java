package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SessionRoutesTest {
    private static final String PASSWORD = "correct horse battery";

    private ApiServer server;
    private JsonHttp http;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        http = server.client();
        http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD, "displayName", "Ada"))
                .expect(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode signIn(String userAgent) {
        return http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD),
                "User-Agent", userAgent).expect(200).json();
    }

    private Reply refresh(String refreshToken) {
        return http.post("/v1/auth/refresh", object("refreshToken", refreshToken));
    }

    @Nested
    class SigningIn {
        @Test
        void sign_in_answers_an_access_token_and_a_refresh_token() {
            JsonNode tokens = signIn("Firefox/140");

            assertThat(tokens.get("tokenType").asText()).isEqualTo("Bearer");
            assertThat(tokens.get("expiresIn").asInt()).isEqualTo(900);
            assertThat(tokens.get("refreshToken").asText()).matches("[A-Za-z0-9_-]{43}");
            String header = new String(Base64.getUrlDecoder().decode(
                    tokens.get("accessToken").asText().split("\\.")[0]), UTF_8);
            assertThat(header).contains("\"alg\":\"EdDSA\"").contains("\"kid\":");
        }

        @Test
        void the_jwks_publishes_the_key_that_signed_the_token() {
            String header = new String(Base64.getUrlDecoder().decode(
                    signIn("x").get("accessToken").asText().split("\\.")[0]), UTF_8);

            Reply jwks = http.get("/.well-known/jwks.json").expect(200);

            assertThat(jwks.header("Content-Type")).startsWith("application/jwk-set+json");
            assertThat(jwks.header("Cache-Control")).contains("max-age=300");
            String kid = jwks.json().get("keys").get(0).get("kid").asText();
            assertThat(header).contains("\"kid\":\"" + kid + "\"");
        }
    }

    @Nested
    class Refreshing {
        @Test
        void a_refresh_answers_new_tokens_that_work() {
            JsonNode first = signIn("Firefox/140");
            server.clock().advance(Duration.ofMinutes(20));

            JsonNode second = refresh(first.get("refreshToken").asText()).expect(200).json();

            assertThat(second.get("refreshToken").asText()).isNotEqualTo(first.get("refreshToken").asText());
            http.withToken(second.get("accessToken").asText()).get("/v1/me").expect(200);
            assertThat(http.post("/v1/auth/refresh", object("refreshToken", "x")).header("Cache-Control"))
                    .isEqualTo("no-store");
        }

        @Test
        void reusing_a_rotated_refresh_token_revokes_the_whole_family() {
            String first = signIn("Firefox/140").get("refreshToken").asText();
            String second = refresh(first).expect(200).json().get("refreshToken").asText();

            refresh(first).problem(401, "auth.refresh_token_invalid");

            refresh(second).problem(401, "auth.refresh_token_invalid");
        }

        @Test
        void an_access_token_is_not_accepted_as_a_refresh_token() {
            String access = signIn("x").get("accessToken").asText();

            refresh(access).problem(401, "auth.refresh_token_invalid");
        }

        @Test
        void a_refresh_token_is_not_accepted_as_an_access_token() {
            String refreshToken = signIn("x").get("refreshToken").asText();

            http.withToken(refreshToken).get("/v1/me").problem(401, "auth.token_invalid");
        }

        @Test
        void malformed_refresh_tokens_of_every_shape_are_401() {
            for (String bad : List.of("", " ", "x", "a.b.c", "\u0000", "\uD800", "x".repeat(100_000))) {
                refresh(bad).problem(401, "auth.refresh_token_invalid");
            }
        }

        @Test
        void a_body_that_is_not_a_refresh_request_is_400() {
            http.post("/v1/auth/refresh", object()).problem(400, "request.missing_field");
            http.post("/v1/auth/refresh", object("refreshToken", 42)).problem(400, "request.invalid_type");
            http.post("/v1/auth/refresh", object("refreshToken", "x", "scope", "all"))
                    .problem(400, "request.unknown_field");
            http.sendJson("POST", "/v1/auth/refresh", "{").problem(400, "request.malformed_json");
            http.sendJson("POST", "/v1/auth/refresh", "refreshToken=x", "Content-Type", "text/plain")
                    .problem(415, "request.unsupported_media_type");
        }
    }

    @Nested
    class SigningOut {
        @Test
        void logout_revokes_the_family_and_answers_204_every_time() {
            String first = signIn("x").get("refreshToken").asText();
            String second = refresh(first).expect(200).json().get("refreshToken").asText();

            http.post("/v1/auth/logout", object("refreshToken", second)).expect(204);
            http.post("/v1/auth/logout", object("refreshToken", second)).expect(204);
            http.post("/v1/auth/logout", object("refreshToken", "never issued")).expect(204);

            refresh(second).problem(401, "auth.refresh_token_invalid");
        }

        @Test
        void logout_without_a_token_is_400() {
            http.post("/v1/auth/logout", object()).problem(400, "request.missing_field");
        }
    }

    @Nested
    class MySessions {
        @Test
        void active_sessions_are_listed_with_their_client_and_never_a_token() {
            signIn("Firefox/140");
            server.clock().advance(Duration.ofMinutes(1));
            JsonNode phone = signIn("Safari/18 " + "x".repeat(300));
            JsonHttp ada = http.withToken(phone.get("accessToken").asText());

            Reply reply = ada.get("/v1/me/sessions").expect(200);

            JsonNode items = reply.json().get("items");
            assertThat(items).hasSize(2);
            assertThat(items.get(0).get("userAgent").asText()).startsWith("Safari/18 x").hasSize(256);
            assertThat(items.get(1).get("userAgent").asText()).isEqualTo("Firefox/140");
            assertThat(items.get(0).get("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(reply.body()).doesNotContain(phone.get("refreshToken").asText());
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }

        @Test
        void a_user_agent_sent_in_utf8_is_shown_as_sent_and_one_in_latin1_as_read() throws Exception {
            String utf8 = "Kalender/2.0 (Zürich; 日本)";
            String tokens = rawSignIn(utf8.getBytes(UTF_8));
            rawSignIn("Müller/1".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
            JsonHttp ada = http.withToken(tokens.replaceAll("(?s).*\"accessToken\":\"([^\"]+)\".*", "$1"));

            JsonNode items = ada.get("/v1/me/sessions").expect(200).json().get("items");

            List<String> agents = new java.util.ArrayList<>();
            items.forEach(item -> agents.add(item.get("userAgent").asText()));
            assertThat(agents).containsExactlyInAnyOrder(utf8, "Müller/1");
        }

        /** Signs in over a raw socket, with a User-Agent of exactly these bytes; the answer's body. */
        private String rawSignIn(byte[] userAgent) throws Exception {
            byte[] body = ("{\"email\":\"ada@example.org\",\"password\":\"" + PASSWORD + "\"}").getBytes(UTF_8);
            var request = new java.io.ByteArrayOutputStream();
            request.write(("POST /v1/auth/token HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "Content-Length: " + body.length + "\r\nConnection: close\r\nUser-Agent: ").getBytes(UTF_8));
            request.write(userAgent);
            request.write("\r\n\r\n".getBytes(UTF_8));
            request.write(body);
            try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
                socket.getOutputStream().write(request.toByteArray());
                String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
                assertThat(answer).startsWith("HTTP/1.1 200");
                return answer;
            }
        }

        @Test
        void a_revoked_session_disappears_and_its_refresh_token_stops_working() {
            JsonNode laptop = signIn("Firefox/140");
            JsonHttp ada = http.withToken(laptop.get("accessToken").asText());
            String id = ada.get("/v1/me/sessions").expect(200).json().get("items").get(0).get("id").asText();

            ada.delete("/v1/me/sessions/" + id).expect(204);

            // the revoked sign-in's own access token ended with it (ADR 0015); look from another sign-in
            ada.get("/v1/me/sessions").problem(401, "auth.token_invalid");
            JsonHttp phone = http.withToken(signIn("Safari/18").get("accessToken").asText());
            assertThat(phone.get("/v1/me/sessions").expect(200).json().get("items")).extracting(s -> s.get("id")
                    .asText()).doesNotContain(id);
            refresh(laptop.get("refreshToken").asText()).problem(401, "auth.refresh_token_invalid");
            phone.delete("/v1/me/sessions/" + id).problem(404, "session.not_found");
        }

        @Test
        void another_accounts_session_or_a_non_uuid_is_404() {
            JsonHttp eve = server.signedUp("eve@example.org");
            JsonHttp ada = http.withToken(signIn("x").get("accessToken").asText());
            String adas = ada.get("/v1/me/sessions").expect(200).json().get("items").get(0).get("id").asText();

            eve.delete("/v1/me/sessions/" + adas).problem(404, "session.not_found");
            ada.delete("/v1/me/sessions/not-a-uuid").problem(404, "session.not_found");
            assertThat(ada.get("/v1/me/sessions").expect(200).json().get("items")).hasSize(1);
        }

        @Test
        void sessions_need_a_bearer_token() {
            http.get("/v1/me/sessions").problem(401, "auth.token_missing");
            http.delete("/v1/me/sessions/0190a1b2-0000-7000-8000-000000000001").problem(401, "auth.token_missing");
        }
    }

    @Nested
    class BruteForce {
        @Test
        void a_locked_account_answers_exactly_as_a_wrong_password_and_an_unknown_address() {
            // One request id for the compared answers, so their bodies may be compared whole.
            Reply unknown = http.post("/v1/auth/token", object("email", "nobody@example.org", "password", PASSWORD),
                    "X-Request-Id", "same");
            Reply wrong = http.post("/v1/auth/token", object("email", "ada@example.org", "password", "wrong one!!!"),
                    "X-Request-Id", "same");
            for (int i = 1; i < 10; i++) {
                http.post("/v1/auth/token", object("email", "ada@example.org", "password", "wrong one!!!"));
            }

            Reply locked = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD),
                    "X-Request-Id", "same");

            locked.problem(401, "auth.invalid_credentials");
            assertThat(locked.body()).isEqualTo(wrong.body()).isEqualTo(unknown.body());
            server.clock().advance(Duration.ofMinutes(15));
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD)).expect(200);
        }

        @Test
        void a_common_password_is_refused_at_sign_up() {
            http.post("/v1/accounts", object("email", "bob@example.org", "password", "qwerty123456",
                    "displayName", "Bob")).problem(422, "account.password.too_common");
        }
    }

    @Nested
    class ForgedAccessTokens {
        @Test
        void alg_none_a_stripped_signature_and_an_ecdsa_zero_signature_are_401_over_http() {
            String[] parts = signIn("x").get("accessToken").asText().split("\\.");
            String none = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(UTF_8));
            String es256 = Base64.getUrlEncoder().withoutPadding()
                    .encodeToString("{\"alg\":\"ES256\",\"typ\":\"at+jwt\"}".getBytes(UTF_8));
            String zeros = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[64]);

            for (String forged : List.of(none + "." + parts[1] + ".", parts[0] + "." + parts[1] + ".",
                    es256 + "." + parts[1] + "." + zeros, parts[0] + "." + parts[1])) {
                Reply reply = http.withToken(forged).get("/v1/me");
                reply.problem(401, "auth.token_invalid");
                assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
            }
        }
    }
}
