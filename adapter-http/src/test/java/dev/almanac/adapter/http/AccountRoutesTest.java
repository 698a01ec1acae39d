package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccountRoutesTest {
    private static final String PASSWORD = "correct horse battery";

    private ApiServer server;
    private JsonHttp http;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        http = server.client();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Reply signUp(String email) {
        return http.post("/v1/accounts", object("email", email, "password", PASSWORD, "displayName", "Ada"));
    }

    @Nested
    class SigningUp {
        @Test
        void a_new_account_is_created_and_never_shows_its_hash() {
            Reply reply = signUp("ada@example.org").expect(201);

            assertThat(reply.header("Location")).isEqualTo("/v1/me");
            JsonNode account = reply.json();
            assertThat(account.get("email").asText()).isEqualTo("ada@example.org");
            assertThat(account.get("displayName").asText()).isEqualTo("Ada");
            assertThat(account.get("status").asText()).isEqualTo("PENDING_VERIFICATION");
            assertThat(account.get("createdAt").asText()).isEqualTo("2026-03-01T12:00:00Z");
            assertThat(account.get("id").asText()).matches("[0-9a-f-]{36}");
            assertThat(reply.body()).doesNotContain(PASSWORD).doesNotContainIgnoringCase("hash");
        }

        @Test
        void every_missing_field_is_named() {
            Reply reply = http.post("/v1/accounts", object());

            reply.problem(400, "request.missing_field");
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("email", "password", "displayName");
        }

        @Test
        void a_null_field_counts_as_missing() {
            Reply reply = http.post("/v1/accounts", object("email", null, "password", PASSWORD,
                    "displayName", "Ada"));

            reply.problem(400, "request.missing_field");
            assertThat(reply.errorFields()).containsExactly("email");
        }

        @Test
        void wrong_types_are_a_bad_request() {
            Reply reply = http.post("/v1/accounts", object("email", 42, "password", true,
                    "displayName", object("first", "Ada")));

            reply.problem(400, "request.invalid_type");
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("email", "password", "displayName");
        }

        @Test
        void an_unknown_field_is_a_bad_request() {
            Reply reply = http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada", "isAdmin", true));

            reply.problem(400, "request.unknown_field");
            assertThat(reply.errorFields()).containsExactly("isAdmin");
        }

        @Test
        void malformed_json_is_a_bad_request() {
            http.sendJson("POST", "/v1/accounts", "{\"email\": \"ada@example.org\",").problem(400,
                    "request.malformed_json");
        }

        @Test
        void a_repeated_key_is_malformed_json() {
            http.sendJson("POST", "/v1/accounts", "{\"email\": \"a@example.org\", \"email\": \"b@example.org\"}")
                    .problem(400, "request.malformed_json");
        }

        @Test
        void trailing_content_after_the_object_is_malformed_json() {
            http.sendJson("POST", "/v1/accounts", "{} {}").problem(400, "request.malformed_json");
        }

        @Test
        void an_empty_body_is_a_bad_request() {
            http.sendJson("POST", "/v1/accounts", "").problem(400, "request.malformed_json");
        }

        @Test
        void a_body_that_is_not_an_object_is_a_bad_request() {
            http.sendJson("POST", "/v1/accounts", "[1, 2]").problem(400, "request.invalid_body");
            http.sendJson("POST", "/v1/accounts", "\"ada\"").problem(400, "request.invalid_body");
        }

        @Test
        void a_bad_email_address_is_refused_naming_the_field() {
            Reply reply = http.post("/v1/accounts", object("email", "not-an-address", "password", PASSWORD,
                    "displayName", "Ada"));

            reply.problem(422, "account.email.invalid");
            assertThat(reply.errorFields()).containsExactly("email");
        }

        @Test
        void a_short_password_is_refused() {
            Reply reply = http.post("/v1/accounts", object("email", "ada@example.org", "password", "tiny-pw",
                    "displayName", "Ada"));

            reply.problem(422, "account.password.too_short");
            assertThat(reply.errorFields()).containsExactly("password");
            assertThat(reply.body()).doesNotContain("tiny-pw");
        }

        @Test
        void every_broken_rule_is_reported_at_once() {
            Reply reply = http.post("/v1/accounts", object("email", "nope", "password", "short",
                    "displayName", " "));

            reply.expect(422);
            assertThat(reply.errorFields()).containsExactlyInAnyOrder("email", "password", "displayName");
        }

        @Test
        void an_address_already_taken_is_a_conflict_whatever_its_case() {
            signUp("ada@example.org").expect(201);

            signUp("ADA@Example.org").problem(409, "account.email.taken");
        }

        @Test
        void a_body_that_is_not_json_is_unsupported() {
            http.sendJson("POST", "/v1/accounts", "email=ada@example.org", "Content-Type",
                    "application/x-www-form-urlencoded").problem(415, "request.unsupported_media_type");
        }

        @Test
        void json_in_another_charset_is_unsupported() {
            http.sendJson("POST", "/v1/accounts", "{}", "Content-Type", "application/json; charset=iso-8859-1")
                    .problem(415, "request.unsupported_media_type");
        }

        @Test
        void json_with_an_explicit_utf8_charset_is_fine() {
            http.sendJson("POST", "/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada").toString(), "Content-Type", "application/json; charset=UTF-8").expect(201);
        }
    }

    @Nested
    class SigningIn {
        @BeforeEach
        void account() {
            signUp("ada@example.org").expect(201);
        }

        @Test
        void the_right_password_gives_a_bearer_token_for_fifteen_minutes() {
            Reply reply = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD))
                    .expect(200);

            JsonNode token = reply.json();
            assertThat(token.get("tokenType").asText()).isEqualTo("Bearer");
            assertThat(token.get("expiresIn").asInt()).isEqualTo(900);
            assertThat(token.get("accessToken").asText()).isNotBlank();
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }

        @Test
        void a_wrong_password_and_an_unknown_address_get_the_same_answer() {
            // One request id for all three, so the bodies may be compared whole (each names its request).
            Reply wrongPassword = http.post("/v1/auth/token", object("email", "ada@example.org",
                    "password", "not the password"), "X-Request-Id", "same");
            Reply unknownAddress = http.post("/v1/auth/token", object("email", "bob@example.org",
                    "password", PASSWORD), "X-Request-Id", "same");
            Reply malformedAddress = http.post("/v1/auth/token", object("email", "bob", "password", PASSWORD),
                    "X-Request-Id", "same");

            wrongPassword.problem(401, "auth.invalid_credentials");
            assertThat(unknownAddress.body()).isEqualTo(wrongPassword.body());
            assertThat(malformedAddress.body()).isEqualTo(wrongPassword.body());
            assertThat(unknownAddress.status()).isEqualTo(401);
            assertThat(wrongPassword.header("WWW-Authenticate")).startsWith("Bearer");
        }

        @Test
        void missing_credentials_are_named() {
            Reply reply = http.post("/v1/auth/token", object("email", "ada@example.org"));

            reply.problem(400, "request.missing_field");
            assertThat(reply.errorFields()).containsExactly("password");
        }

        @Test
        void an_unknown_field_is_a_bad_request() {
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD, "scope", "all"))
                    .problem(400, "request.unknown_field");
        }

        @Test
        void a_wrong_type_is_a_bad_request() {
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", 123456789012L))
                    .problem(400, "request.invalid_type");
        }

        @Test
        void malformed_json_is_a_bad_request() {
            http.sendJson("POST", "/v1/auth/token", "{email}").problem(400, "request.malformed_json");
        }
    }

    @Nested
    class Me {
        @Test
        void the_token_identifies_the_caller() {
            JsonHttp ada = server.signedUp("ada@example.org");

            Reply reply = ada.get("/v1/me").expect(200);

            assertThat(reply.json().get("email").asText()).isEqualTo("ada@example.org");
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }

        @Test
        void the_account_carries_an_etag_and_answers_304_while_unchanged() {
            JsonHttp ada = server.signedUp("ada.etag@example.org");

            String etag = ada.get("/v1/me").expect(200).header("ETag");

            assertThat(etag).matches("\"[0-9a-f]{32}\"");
            Reply unchanged = ada.get("/v1/me", "If-None-Match", etag);
            assertThat(unchanged.status()).isEqualTo(304);
            assertThat(unchanged.body()).isEmpty();
            ada.get("/v1/me", "If-None-Match", "\"00000000000000000000000000000000\"").expect(200);
        }

        @Test
        void without_a_token_the_caller_is_asked_who_they_are() {
            Reply reply = http.get("/v1/me");

            reply.problem(401, "auth.token_missing");
            assertThat(reply.header("WWW-Authenticate")).startsWith("Bearer");
        }

        @Test
        void a_forged_token_is_refused() {
            JsonHttp ada = server.signedUp("ada@example.org");
            String token = ada.token();
            String forged = token.substring(0, token.length() - 4) + (token.endsWith("AAAA") ? "BBBB" : "AAAA");

            http.withToken(forged).get("/v1/me").problem(401, "auth.token_invalid");
        }

        @Test
        void an_expired_token_is_refused() {
            JsonHttp ada = server.signedUp("ada@example.org");
            server.clock().advance(Duration.ofMinutes(16));

            ada.get("/v1/me").problem(401, "auth.token_invalid");
        }

        @Test
        void a_header_that_is_not_a_bearer_token_is_refused() {
            http.get("/v1/me", "Authorization", "Basic YWRhOnNlY3JldA==").problem(401, "auth.token_invalid");
            http.get("/v1/me", "Authorization", "Bearer").problem(401, "auth.token_invalid");
            http.get("/v1/me", "Authorization", "Bearer not a token").problem(401, "auth.token_invalid");
            http.get("/v1/me", "Authorization", "Bearer garbage").problem(401, "auth.token_invalid");
        }
    }
}
