package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AuditRoutesTest {
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

    private JsonHttp signedUp(String email) {
        http.post("/v1/accounts", object("email", email, "password", PASSWORD, "displayName", "Someone"),
                "X-Request-Id", "signup-" + email.charAt(0)).expect(201);
        return http.withToken(http.post("/v1/auth/token", object("email", email, "password", PASSWORD),
                "User-Agent", "Firefox/140").expect(200).json().get("accessToken").asText());
    }

    private static List<String> events(JsonNode page) {
        List<String> events = new ArrayList<>();
        page.get("items").forEach(item -> events.add(item.get("event").asText() + ":" + item.get("outcome").asText()));
        return events;
    }

    @Nested
    class ReadingTheTrail {
        @Test
        void an_account_reads_its_own_trail_newest_first() {
            JsonHttp ada = signedUp("ada@example.org");
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", "not the password at all"))
                    .expect(401);
            signedUp("eve@example.org");

            JsonNode trail = ada.get("/v1/me/audit").expect(200).json();

            assertThat(events(trail)).containsExactly("auth.sign_in:failure", "auth.sign_in:success",
                    "account.sign_up:success");
            JsonNode signUp = trail.get("items").get(2);
            assertThat(signUp.get("requestId").asText()).isEqualTo("signup-a");
            assertThat(signUp.get("ip").asText()).isEqualTo("127.0.0.1");
            assertThat(trail.get("items").get(1).get("userAgent").asText()).isEqualTo("Firefox/140");
            assertThat(trail.has("nextCursor")).isFalse();
        }

        @Test
        void the_trail_comes_a_page_at_a_time() {
            JsonHttp ada = signedUp("ada@example.org");
            ada.get("/v1/calendars/not-a-calendar");
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD)).expect(200);

            JsonNode first = ada.get("/v1/me/audit?limit=2").expect(200).json();
            JsonNode second = ada.get("/v1/me/audit?limit=2&cursor=" + first.get("nextCursor").asText())
                    .expect(200).json();

            assertThat(events(first)).containsExactly("auth.sign_in:success", "auth.sign_in:success");
            assertThat(events(second)).containsExactly("account.sign_up:success");
            assertThat(second.has("nextCursor")).isFalse();
        }

        @Test
        void bad_paging_parameters_are_refused_with_a_problem() {
            JsonHttp ada = signedUp("ada@example.org");

            ada.get("/v1/me/audit?limit=many").problem(400, "request.invalid_parameter");
            ada.get("/v1/me/audit?limit=0").problem(422, "page.limit.out_of_range");
            ada.get("/v1/me/audit?limit=501").problem(422, "page.limit.out_of_range");
            ada.get("/v1/me/audit?cursor=forged").problem(422, "page.cursor.invalid");
        }

        @Test
        void another_accounts_cursor_does_not_page_through_its_trail() {
            JsonHttp ada = signedUp("ada@example.org");
            JsonHttp eve = signedUp("eve@example.org");
            String adasCursor = ada.get("/v1/me/audit?limit=1").expect(200).json().get("nextCursor").asText();

            eve.get("/v1/me/audit?cursor=" + adasCursor).problem(422, "page.cursor.invalid");
        }

        @Test
        void the_trail_needs_a_token() {
            http.get("/v1/me/audit").problem(401, "auth.token_missing");
        }
    }

    @Nested
    class WhatTheHttpAdapterRecords {
        @Test
        void a_refused_token_on_a_protected_route_is_recorded_as_a_denial_naming_the_route() {
            http.get("/v1/calendars/0190aaaa-0000-7000-8000-000000000000", "Authorization", "Bearer not.a.token",
                    "X-Request-Id", "probe-1").problem(401, "auth.token_invalid");

            List<AuditEntry> all = server.audit().all();
            AuditEntry denial = all.get(all.size() - 1);
            assertThat(denial.event()).isEqualTo(AuditEvent.ACCESS_DENIED);
            assertThat(denial.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(denial.actor()).isEmpty();
            assertThat(denial.subject()).contains("GET /v1/calendars/{calendarId}");
            assertThat(denial.requestId().value()).isEqualTo("probe-1");
        }

        @Test
        void api_key_refusals_are_recorded_as_denials_with_the_keys_account_and_a_bad_key_with_nobody() {
            JsonHttp ada = server.signedUp("ada@example.org");
            String key = ada.post("/v1/me/api-keys", object("name", "Dashboard", "scopes", List.of("calendars:read")))
                    .expect(201).json().get("key").asText();
            String adaId = ada.get("/v1/me").expect(200).json().get("id").asText();

            http.post("/v1/calendars", object("name", "Work", "timeZone", "UTC"), "X-API-Key", key,
                    "X-Request-Id", "scope-1").problem(403, "auth.scope_missing");
            http.get("/v1/me/sessions", "X-API-Key", key, "X-Request-Id", "session-1")
                    .problem(403, "auth.session_required");
            http.get("/v1/calendars", "X-API-Key", key + "x", "X-Request-Id", "badkey-1")
                    .problem(401, "auth.api_key_invalid");

            List<AuditEntry> denials = server.audit().all().stream()
                    .filter(e -> e.event() == AuditEvent.ACCESS_DENIED).toList();
            assertThat(denials).extracting(e -> e.requestId().value(), e -> e.actor().map(Object::toString),
                            e -> e.subject().orElseThrow())
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple("scope-1", java.util.Optional.of(adaId),
                                    "POST /v1/calendars"),
                            org.assertj.core.groups.Tuple.tuple("session-1", java.util.Optional.of(adaId),
                                    "GET /v1/me/sessions"),
                            org.assertj.core.groups.Tuple.tuple("badkey-1", java.util.Optional.empty(),
                                    "GET /v1/calendars"));
            assertThat(server.audit().all()).allSatisfy(e -> assertThat(e.toString()).doesNotContain(key));
        }

        @Test
        void the_lifecycle_and_the_keys_show_in_the_trail_with_their_requests() {
            JsonHttp ada = server.signedUp("ada@example.org");
            String keyId = ada.post("/v1/me/api-keys", object("name", "Dashboard", "scopes",
                    List.of("calendars:read")), "X-Request-Id", "key-made").expect(201).json().get("id").asText();
            ada.delete("/v1/me/api-keys/" + keyId, "X-Request-Id", "key-gone").expect(204);
            ada.post("/v1/me/password", object("currentPassword", PASSWORD, "newPassword",
                    "another fine passphrase"), "X-Request-Id", "new-password").expect(204);
            Reply accepted = ada.post("/v1/me/email", object("email", "ada@new.example.org", "password",
                    "another fine passphrase"), "X-Request-Id", "new-address").expect(202);
            assertThat(accepted.header("Content-Type")).as("no content, so no content type").isNull();
            http.post("/v1/accounts/verify", object("token", server.lastTokenMailedTo("ada@new.example.org")),
                    "X-Request-Id", "address-verified").expect(200);

            JsonNode items = ada.get("/v1/me/audit").expect(200).json().get("items");

            List<String> seen = new ArrayList<>();
            items.forEach(item -> seen.add(item.get("event").asText() + ":" + item.get("outcome").asText() + ":"
                    + item.get("requestId").asText() + (item.has("subject") ? ":" + item.get("subject").asText()
                    : "")));
            assertThat(seen).startsWith("account.verification:success:address-verified:email_change",
                    "account.email_change:success:new-address", "account.password_change:success:new-password",
                    "api_key.revoked:success:key-gone:" + keyId, "api_key.created:success:key-made:" + keyId);
            assertThat(seen).anyMatch(line -> line.startsWith("account.verification:success:")
                    && line.endsWith(":activation"));
        }

        @Test
        void another_accounts_calendar_is_not_found_and_that_is_no_denial() {
            JsonHttp ada = signedUp("ada@example.org");
            String calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "Europe/Berlin"))
                    .expect(201).json().get("id").asText();
            JsonHttp eve = signedUp("eve@example.org");
            int before = server.audit().all().size();

            eve.delete("/v1/calendars/" + calendar).problem(404, "calendar.not_found");

            assertThat(server.audit().all()).hasSize(before);
        }

        @Test
        void a_failed_sign_in_is_recorded_even_though_the_request_fails() {
            signedUp("ada@example.org");

            http.post("/v1/auth/token", object("email", "ada@example.org", "password", "not the password at all"),
                    "X-Request-Id", "wrong-1").problem(401, "auth.invalid_credentials");

            List<AuditEntry> all = server.audit().all();
            AuditEntry failure = all.get(all.size() - 1);
            assertThat(failure.event()).isEqualTo(AuditEvent.SIGN_IN);
            assertThat(failure.outcome()).isEqualTo(AuditOutcome.FAILURE);
            assertThat(failure.actor()).isPresent();
            assertThat(failure.requestId().value()).isEqualTo("wrong-1");
        }

        @Test
        void a_public_routes_own_failure_is_not_also_a_denial() {
            http.post("/v1/auth/refresh", object("refreshToken", "never issued")).expect(401);

            assertThat(server.audit().all()).extracting(AuditEntry::event).containsExactly(AuditEvent.REFRESH);
        }
    }

    @Nested
    class RequestIds {
        @Test
        void a_sane_request_id_is_echoed_and_named_in_the_problem() {
            var reply = http.get("/v1/me", "X-Request-Id", "client-chosen.42");

            assertThat(reply.header("X-Request-Id")).isEqualTo("client-chosen.42");
            assertThat(reply.problem(401, "auth.token_missing").get("requestId").asText())
                    .isEqualTo("client-chosen.42");
        }

        @Test
        void an_unusable_request_id_is_replaced_by_a_new_one() {
            var reply = http.get("/v1/me", "X-Request-Id", "<script>" + "x".repeat(200));

            String id = reply.header("X-Request-Id");
            assertThat(id).matches("[0-9a-f-]{36}");
            assertThat(reply.problem(401, "auth.token_missing").get("requestId").asText()).isEqualTo(id);
            assertThat(server.audit().all()).last().extracting(e -> e.requestId().value()).isEqualTo(id);
        }
    }
}
