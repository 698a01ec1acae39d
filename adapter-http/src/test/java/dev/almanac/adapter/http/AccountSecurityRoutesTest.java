package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Access tokens bound to their sign-in, {@code POST /v1/me/password} and {@code POST /v1/me/delete}, over real
 * HTTP (the end-to-end tests in bootstrap repeat the important ones on PostgreSQL).
 */
class AccountSecurityRoutesTest {
    private static final String EMAIL = "ada@example.org";
    private static final String PASSWORD = "correct horse battery";
    private static final String NEW_PASSWORD = "a brand new passphrase";

    private ApiServer server;
    private JsonHttp http;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        http = server.client();
        http.post("/v1/accounts", object("email", EMAIL, "password", PASSWORD, "displayName", "Ada")).expect(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode signIn(String password) {
        return http.post("/v1/auth/token", object("email", EMAIL, "password", password)).expect(200).json();
    }

    private static JsonHttp as(JsonHttp http, JsonNode tokens) {
        return http.withToken(tokens.get("accessToken").asText());
    }

    private Reply refresh(JsonNode tokens) {
        return http.post("/v1/auth/refresh", object("refreshToken", tokens.get("refreshToken").asText()));
    }

    private static String sessionOf(JsonHttp caller, String userAgent) {
        for (JsonNode session : caller.get("/v1/me/sessions").expect(200).json().get("items")) {
            if (session.get("userAgent").asText().equals(userAgent)) {
                return session.get("id").asText();
            }
        }
        throw new AssertionError("no session of " + userAgent);
    }

    @Nested
    class TokensBoundToTheirSignIn {
        @Test
        void revoking_a_sign_in_refuses_its_access_token_at_once() {
            JsonNode laptop = http.post("/v1/auth/token", object("email", EMAIL, "password", PASSWORD),
                    "User-Agent", "laptop").expect(200).json();
            JsonNode phone = http.post("/v1/auth/token", object("email", EMAIL, "password", PASSWORD),
                    "User-Agent", "phone").expect(200).json();

            as(http, phone).delete("/v1/me/sessions/" + sessionOf(as(http, phone), "laptop")).expect(204);

            JsonNode problem = as(http, laptop).get("/v1/me").problem(401, "auth.token_invalid");
            assertThat(problem.get("detail").asText()).contains("revoked");
            as(http, phone).get("/v1/me").expect(200);
        }

        @Test
        void logout_refuses_the_access_token_of_the_sign_in() {
            JsonNode tokens = signIn(PASSWORD);

            http.post("/v1/auth/logout", object("refreshToken", tokens.get("refreshToken").asText())).expect(204);

            as(http, tokens).get("/v1/calendars").problem(401, "auth.token_invalid");
        }

        @Test
        void refresh_token_reuse_refuses_every_access_token_of_the_family() {
            JsonNode first = signIn(PASSWORD);
            JsonNode second = refresh(first).expect(200).json();

            refresh(first).problem(401, "auth.refresh_token_invalid");

            as(http, first).get("/v1/me").problem(401, "auth.token_invalid");
            as(http, second).get("/v1/me").problem(401, "auth.token_invalid");
        }
    }

    @Nested
    class ChangingThePassword {
        @Test
        void the_other_sign_ins_end_and_the_callers_keeps_working() {
            JsonNode caller = signIn(PASSWORD);
            JsonNode other = signIn(PASSWORD);

            as(http, caller).post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword",
                    NEW_PASSWORD)).expect(204);

            as(http, other).get("/v1/me").problem(401, "auth.token_invalid");
            refresh(other).problem(401, "auth.refresh_token_invalid");
            as(http, caller).get("/v1/me").expect(200);
            JsonNode refreshed = refresh(caller).expect(200).json();
            as(http, refreshed).get("/v1/me").expect(200);
            http.post("/v1/auth/token", object("email", EMAIL, "password", PASSWORD))
                    .problem(401, "auth.invalid_credentials");
            signIn(NEW_PASSWORD);
        }

        @Test
        void a_wrong_current_password_is_403_and_changes_nothing() {
            JsonNode caller = signIn(PASSWORD);
            JsonNode other = signIn(PASSWORD);

            Reply reply = as(http, caller).post("/v1/me/password", object("currentPassword",
                    "not the password at all", "newPassword", NEW_PASSWORD));

            reply.problem(403, "account.password.wrong");
            assertThat(reply.header("WWW-Authenticate")).as("the token is fine").isNull();
            as(http, other).get("/v1/me").expect(200);
            signIn(PASSWORD);
        }

        @Test
        void a_new_password_the_policy_refuses_is_422_naming_new_password() {
            JsonHttp caller = as(http, signIn(PASSWORD));

            assertThat(caller.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword", "short"))
                    .problem(422, "account.password.too_short").get("errors").get(0).get("field").asText())
                    .isEqualTo("newPassword");
            caller.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword", "password1234"))
                    .problem(422, "account.password.too_common");
            caller.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword", PASSWORD))
                    .problem(422, "account.password.unchanged");
            caller.sendJson("POST", "/v1/me/password", "{\"currentPassword\":\"" + PASSWORD
                    + "\",\"newPassword\":\"twelve chars \\u0000 and a NUL\"}")
                    .problem(422, "account.password.invalid_characters");
            caller.sendJson("POST", "/v1/me/password", "{\"currentPassword\":\"" + PASSWORD
                    + "\",\"newPassword\":\"a lone surrogate \\ud800 here\"}")
                    .problem(422, "account.password.invalid_characters");
            caller.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword",
                    "x".repeat(900_000))).problem(422, "account.password.too_long");
            signIn(PASSWORD);
        }

        @Test
        void a_current_password_no_password_can_be_is_422_naming_current_password() {
            JsonHttp caller = as(http, signIn(PASSWORD));

            for (String raw : List.of("\"\"", "\"nul \\u0000 inside it\"", "\"lone \\udc00 surrogate\"",
                    "\"" + "y".repeat(900_000) + "\"")) {
                Reply reply = caller.sendJson("POST", "/v1/me/password",
                        "{\"currentPassword\":" + raw + ",\"newPassword\":\"" + NEW_PASSWORD + "\"}");
                assertThat(reply.status()).isEqualTo(422);
                assertThat(reply.errorFields()).containsOnly("currentPassword");
            }
            signIn(PASSWORD);
        }

        @Test
        void bodies_that_are_not_a_password_change_are_400_415_or_413() {
            JsonHttp caller = as(http, signIn(PASSWORD));

            assertThat(caller.post("/v1/me/password", object()).problem(400, "request.missing_field").get("errors"))
                    .hasSize(2);
            caller.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword", null))
                    .problem(400, "request.missing_field");
            caller.post("/v1/me/password", object("currentPassword", 42, "newPassword", NEW_PASSWORD))
                    .problem(400, "request.invalid_type");
            caller.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword",
                    List.of(NEW_PASSWORD))).problem(400, "request.invalid_type");
            caller.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD,
                    "logoutOthers", false)).problem(400, "request.unknown_field");
            caller.sendJson("POST", "/v1/me/password", "{\"currentPassword\":").problem(400,
                    "request.malformed_json");
            caller.sendJson("POST", "/v1/me/password", "[]").problem(400, "request.invalid_body");
            caller.sendJson("POST", "/v1/me/password", "currentPassword=x", "Content-Type",
                    "application/x-www-form-urlencoded").problem(415, "request.unsupported_media_type");
            assertThat(caller.announcingTooLargeABody("POST", "/v1/me/password", "application/json", 2_000_000))
                    .startsWith("HTTP/1.1 413").contains("\"code\":\"request.body_too_large\"");

            signIn(PASSWORD);
            caller.get("/v1/me").expect(200);
        }

        @Test
        void without_a_token_it_is_401_and_nothing_changes() {
            http.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword", NEW_PASSWORD))
                    .problem(401, "auth.token_missing");
            signIn(PASSWORD);
        }
    }

    @Nested
    class DeletingTheAccount {
        @Test
        void deleting_ends_every_token_and_frees_the_address() {
            JsonNode caller = signIn(PASSWORD);
            JsonNode other = signIn(PASSWORD);
            as(http, caller).post("/v1/calendars", object("name", "Work", "timeZone", "UTC")).expect(201);

            as(http, caller).post("/v1/me/delete", object("password", PASSWORD)).expect(204);

            as(http, caller).get("/v1/me").problem(401, "auth.token_invalid");
            as(http, other).get("/v1/calendars").problem(401, "auth.token_invalid");
            refresh(caller).problem(401, "auth.refresh_token_invalid");
            refresh(other).problem(401, "auth.refresh_token_invalid");
            http.post("/v1/auth/token", object("email", EMAIL, "password", PASSWORD))
                    .problem(401, "auth.invalid_credentials");

            http.post("/v1/accounts", object("email", EMAIL, "password", PASSWORD, "displayName", "Ada again"))
                    .expect(201);
            JsonHttp again = as(http, signIn(PASSWORD));
            assertThat(again.get("/v1/calendars").expect(200).json().get("items")).isEmpty();
            assertThat(again.get("/v1/me").expect(200).json().get("displayName").asText()).isEqualTo("Ada again");
        }

        @Test
        void a_wrong_password_is_403_and_deletes_nothing() {
            JsonHttp caller = as(http, signIn(PASSWORD));

            caller.post("/v1/me/delete", object("password", "not the password at all"))
                    .problem(403, "account.password.wrong");

            caller.get("/v1/me").expect(200);
        }

        @Test
        void delete_on_v1_me_is_not_a_route() {
            JsonHttp caller = as(http, signIn(PASSWORD));

            Reply reply = caller.sendJson("DELETE", "/v1/me", object("password", PASSWORD).toString());

            reply.problem(405, "request.method_not_allowed");
            caller.get("/v1/me").expect(200);
        }

        @Test
        void bodies_that_are_not_a_deletion_are_400_422_or_415_and_delete_nothing() {
            JsonHttp caller = as(http, signIn(PASSWORD));

            caller.post("/v1/me/delete", object()).problem(400, "request.missing_field");
            caller.post("/v1/me/delete", object("password", true)).problem(400, "request.invalid_type");
            caller.post("/v1/me/delete", object("password", PASSWORD, "confirm", true))
                    .problem(400, "request.unknown_field");
            caller.sendJson("POST", "/v1/me/delete", "").problem(400, "request.malformed_json");
            caller.sendJson("POST", "/v1/me/delete", "{\"password\":\"nul \\u0000\"}")
                    .problem(422, "account.password.invalid_characters");
            caller.sendJson("POST", "/v1/me/delete", "{\"password\":\"\\ud800 alone\"}")
                    .problem(422, "account.password.invalid_characters");
            caller.post("/v1/me/delete", object("password", "p".repeat(900_000)))
                    .problem(422, "account.password.too_long");
            caller.sendJson("POST", "/v1/me/delete", "password=x", "Content-Type", "text/plain")
                    .problem(415, "request.unsupported_media_type");

            caller.get("/v1/me").expect(200);
        }

        @Test
        void without_a_token_it_is_401() {
            http.post("/v1/me/delete", object("password", PASSWORD)).problem(401, "auth.token_missing");
            signIn(PASSWORD);
        }
    }
}
