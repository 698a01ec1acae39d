package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.security.RequestContext;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Verification, re-send, address change and the pending/disabled rules, over real HTTP. */
class LifecycleRoutesTest {
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

    private Reply verify(String token) {
        return http.post("/v1/accounts/verify", object("token", token));
    }

    private Reply resend(String email) {
        return http.post("/v1/accounts/verify/resend", object("email", email));
    }

    private List<OutgoingMail> mailsTo(String address) {
        return server.mails().stream().filter(m -> m.to().value().equals(address)).toList();
    }

    private String newCalendar(JsonHttp owner) {
        return owner.post("/v1/calendars", object("name", "Work", "timeZone", "Europe/Berlin")).expect(201)
                .json().get("id").asText();
    }

    @Nested
    class Verifying {
        @Test
        void the_mailed_token_activates_the_account_once() {
            JsonHttp ada = server.signedUpUnverified("ada@example.org");
            assertThat(ada.get("/v1/me").expect(200).json().get("status").asText())
                    .isEqualTo("PENDING_VERIFICATION");
            String token = server.lastTokenMailedTo("ada@example.org");

            Reply verified = verify(token).expect(200);

            assertThat(verified.json().get("status").asText()).isEqualTo("ACTIVE");
            assertThat(verified.json().get("email").asText()).isEqualTo("ada@example.org");
            assertThat(verified.header("Cache-Control")).isEqualTo("no-store");
            assertThat(ada.get("/v1/me").expect(200).json().get("status").asText()).isEqualTo("ACTIVE");
            verify(token).problem(422, "account.verification.token_used");
        }

        @Test
        void an_expired_token_is_gone_and_a_new_one_can_be_asked_for() {
            server.signedUpUnverified("ada@example.org");
            String old = server.lastTokenMailedTo("ada@example.org");
            server.clock().advance(Duration.ofHours(24));

            verify(old).problem(422, "account.verification.token_expired");
            resend("ada@example.org").expect(202);
            verify(server.lastTokenMailedTo("ada@example.org")).expect(200);
        }

        @Test
        void an_unknown_token_is_told_apart_from_a_malformed_one() {
            verify("A".repeat(43)).problem(422, "account.verification.token_invalid");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "short", "has spaces in it so it is not a token at all....",
                "ÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄÖÜäöüßÄ", "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=",
                "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\u0000", "../../../../etc/passwd",
                "eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0."})
        void malformed_tokens_are_refused_precisely(String token) {
            Reply reply = verify(token);
            reply.problem(422, "account.verification.token_malformed");
            assertThat(reply.errorFields()).containsExactly("token");
        }

        @Test
        void a_huge_token_is_refused_without_trouble() {
            verify("A".repeat(200_000)).problem(422, "account.verification.token_malformed");
        }

        @Test
        void bad_bodies_are_bad_requests() {
            http.post("/v1/accounts/verify", object()).problem(400, "request.missing_field");
            http.post("/v1/accounts/verify", object("token", null)).problem(400, "request.missing_field");
            http.post("/v1/accounts/verify", object("token", 42)).problem(400, "request.invalid_type");
            http.post("/v1/accounts/verify", object("token", object("a", "b"))).problem(400, "request.invalid_type");
            Reply extra = http.post("/v1/accounts/verify", object("token", "A".repeat(43), "email", "a@b.org"));
            extra.problem(400, "request.unknown_field");
            assertThat(extra.errorFields()).containsExactly("email");
            http.sendJson("POST", "/v1/accounts/verify", "{\"token\":").expect(400);
            http.sendJson("POST", "/v1/accounts/verify", "[\"token\"]").expect(400);
            http.send("POST", "/v1/accounts/verify", java.net.http.HttpRequest.BodyPublishers.ofString("token=x"),
                    "Content-Type", "application/x-www-form-urlencoded").problem(415, "request.unsupported_media_type");
        }
    }

    @Nested
    class Resending {
        @Test
        void always_accepted_whatever_the_address_holds() {
            server.signedUpUnverified("pending@example.org");
            server.signedUp("active@example.org");
            server.clock().advance(Duration.ofMinutes(5));
            int before = server.mails().size();

            resend("nobody@example.org").expect(202);
            resend("active@example.org").expect(202);
            assertThat(server.mails()).as("nothing for unknown or verified addresses").hasSize(before);

            assertThat(resend("PENDING@example.org").expect(202).body()).isEmpty();
            assertThat(mailsTo("pending@example.org")).hasSize(2);
        }

        @Test
        void a_re_send_over_the_limit_is_accepted_and_dropped() {
            server.signedUpUnverified("ada@example.org");
            resend("ada@example.org").expect(202);
            resend("ada@example.org").expect(202);
            assertThat(mailsTo("ada@example.org")).as("one mail a minute").hasSize(1);
        }

        @ParameterizedTest
        @ValueSource(strings = {"not-an-address", "a@b", "ada@example.org\r\nBcc: eve@example.org",
                "ada@exa mple.org", "ada\u0000@example.org", "<ada@example.org>"})
        void a_malformed_address_is_unprocessable(String email) {
            resend(email).problem(422, "account.email.invalid");
        }

        @Test
        void a_too_long_address_is_unprocessable() {
            resend("a".repeat(250) + "@example.org").problem(422, "account.email.too_long");
            resend("a".repeat(100_000) + "@example.org").problem(422, "account.email.too_long");
        }

        @Test
        void bad_bodies_are_bad_requests() {
            http.post("/v1/accounts/verify/resend", object()).problem(400, "request.missing_field");
            http.post("/v1/accounts/verify/resend", object("email", true)).problem(400, "request.invalid_type");
            http.post("/v1/accounts/verify/resend", object("email", "a@example.org", "token", "x"))
                    .problem(400, "request.unknown_field");
            http.sendJson("POST", "/v1/accounts/verify/resend", "\"a@example.org\"").expect(400);
        }
    }

    @Nested
    class WhatAPendingAccountMayDo {
        @Test
        void it_keeps_its_own_calendars_but_publishes_no_feed_until_verified() {
            JsonHttp ada = server.signedUpUnverified("ada@example.org");
            String calendar = newCalendar(ada);
            ada.post("/v1/calendars/" + calendar + "/events", object("title", "Standup",
                    "start", object("dateTime", "2026-03-02T09:00", "timeZone", "Europe/Berlin"),
                    "end", object("dateTime", "2026-03-02T09:15", "timeZone", "Europe/Berlin"))).expect(201);

            ada.post("/v1/calendars/" + calendar + "/feeds", object()).problem(403, "account.unverified");

            verify(server.lastTokenMailedTo("ada@example.org")).expect(200);
            ada.post("/v1/calendars/" + calendar + "/feeds", object()).expect(201);
        }

        @Test
        void it_may_not_change_its_address() {
            JsonHttp ada = server.signedUpUnverified("ada@example.org");
            ada.post("/v1/me/email", object("email", "new@example.org", "password", PASSWORD))
                    .problem(403, "account.unverified");
        }
    }

    @Nested
    class ChangingTheAddress {
        @Test
        void the_address_moves_only_once_the_new_one_is_verified_and_the_old_one_is_told() {
            JsonHttp ada = server.signedUp("ada@example.org");
            server.clock().advance(Duration.ofMinutes(1));

            assertThat(ada.post("/v1/me/email", object("email", "lovelace@example.org", "password", PASSWORD))
                    .expect(202).body()).isEmpty();
            assertThat(ada.get("/v1/me").expect(200).json().get("email").asText()).isEqualTo("ada@example.org");

            Reply moved = verify(server.lastTokenMailedTo("lovelace@example.org")).expect(200);

            assertThat(moved.json().get("email").asText()).isEqualTo("lovelace@example.org");
            assertThat(ada.get("/v1/me").expect(200).json().get("email").asText()).isEqualTo("lovelace@example.org");
            List<OutgoingMail> toOld = mailsTo("ada@example.org");
            assertThat(toOld.get(toOld.size() - 1).subject()).isEqualTo("Your Almanac address was changed");
            http.post("/v1/auth/token", object("email", "lovelace@example.org", "password", PASSWORD)).expect(200);
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD)).expect(401);
        }

        @Test
        void needs_the_current_password() {
            JsonHttp ada = server.signedUp("ada@example.org");
            ada.post("/v1/me/email", object("email", "lovelace@example.org", "password", "not the password"))
                    .problem(403, "account.password.wrong");
            ada.post("/v1/me/email", object("email", "lovelace@example.org", "password", "p".repeat(100_000)))
                    .problem(403, "account.password.wrong");
            assertThat(mailsTo("lovelace@example.org")).isEmpty();
        }

        @Test
        void a_taken_address_is_a_conflict_when_asked_and_when_verified() {
            JsonHttp ada = server.signedUp("ada@example.org");
            server.signedUp("grace@example.org");
            ada.post("/v1/me/email", object("email", "GRACE@example.org", "password", PASSWORD))
                    .problem(409, "account.email.taken");

            server.clock().advance(Duration.ofMinutes(1));
            ada.post("/v1/me/email", object("email", "lovelace@example.org", "password", PASSWORD)).expect(202);
            String token = server.lastTokenMailedTo("lovelace@example.org");
            server.signedUpUnverified("lovelace@example.org");

            verify(token).problem(409, "account.email.taken");
            assertThat(ada.get("/v1/me").expect(200).json().get("email").asText()).isEqualTo("ada@example.org");
        }

        @Test
        void bad_input_is_refused_and_changes_nothing() {
            JsonHttp ada = server.signedUp("ada@example.org");
            int before = server.mails().size();
            ada.post("/v1/me/email", object()).problem(400, "request.missing_field");
            ada.post("/v1/me/email", object("email", 1, "password", 2)).problem(400, "request.invalid_type");
            ada.post("/v1/me/email", object("email", "x@example.org", "password", PASSWORD, "displayName", "X"))
                    .problem(400, "request.unknown_field");
            ada.post("/v1/me/email", object("email", "x@example.org\nBcc: eve@example.org", "password", PASSWORD))
                    .problem(422, "account.email.invalid");
            ada.post("/v1/me/email", object("email", "x".repeat(300) + "@example.org", "password", PASSWORD))
                    .problem(422, "account.email.too_long");
            ada.post("/v1/me/email", object("email", "Ada@Example.org", "password", PASSWORD))
                    .problem(422, "account.email.unchanged");
            http.post("/v1/me/email", object("email", "x@example.org", "password", PASSWORD))
                    .problem(401, "auth.token_missing");
            assertThat(server.mails()).hasSize(before);
        }
    }

    @Nested
    class Disabled {
        @Test
        void a_disabled_account_can_neither_sign_in_nor_refresh_nor_use_its_token() {
            server.signedUp("ada@example.org");
            Reply signedIn = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD))
                    .expect(200);
            JsonHttp ada = http.withToken(signedIn.json().get("accessToken").asText());
            String refresh = signedIn.json().get("refreshToken").asText();

            server.accounts().disable().disable("ada@example.org", RequestContext.UNKNOWN);

            ada.get("/v1/me").problem(401, "auth.token_invalid");
            http.post("/v1/auth/refresh", object("refreshToken", refresh)).problem(401, "auth.refresh_token_invalid");
            Reply refused = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD));
            refused.problem(401, "auth.account_disabled");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer");
        }
    }
}
