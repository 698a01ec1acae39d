package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiKeyRoutesTest {
    private ApiServer server;
    private JsonHttp http;
    private JsonHttp ada;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        http = server.client();
        ada = server.signedUp("ada@example.org");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode createKey(JsonHttp owner, String name, String... scopes) {
        return owner.post("/v1/me/api-keys", object("name", name, "scopes", List.of(scopes))).expect(201).json();
    }

    private String keyOf(JsonNode created) {
        return created.get("key").asText();
    }

    private JsonNode keys(JsonHttp owner) {
        return owner.get("/v1/me/api-keys").expect(200).json().get("items");
    }

    @Nested
    class Creating {
        @Test
        void a_new_key_is_answered_once_with_its_prefix_scopes_and_expiry() {
            String expiry = server.clock().instant().plus(Duration.ofDays(30)).toString();

            Reply reply = ada.post("/v1/me/api-keys", object("name", "  CI deploys ", "scopes",
                    List.of("events:read", "calendars:read"), "expiresAt", expiry));

            JsonNode created = reply.expect(201).json();
            assertThat(created.get("id").asText()).isNotBlank();
            assertThat(created.get("name").asText()).isEqualTo("CI deploys");
            assertThat(created.get("prefix").asText()).matches("alm_[0-9a-f]{8}");
            assertThat(created.get("scopes")).extracting(JsonNode::asText)
                    .containsExactly("calendars:read", "events:read");
            assertThat(created.get("expiresAt").asText()).isEqualTo(expiry);
            assertThat(keyOf(created)).startsWith(created.get("prefix").asText() + "_").hasSize(56);
            assertThat(reply.header("Cache-Control")).isEqualTo("no-store");
        }

        @Test
        void a_key_without_expiry_says_so_with_null() {
            JsonNode created = createKey(ada, "forever", "account:read");

            assertThat(created.has("expiresAt")).isTrue();
            assertThat(created.get("expiresAt").isNull()).isTrue();
        }

        @Test
        void the_listing_never_shows_the_key_and_tells_active_from_expired() {
            String expiry = server.clock().instant().plus(Duration.ofMinutes(5)).toString();
            String shortLived = keyOf(ada.post("/v1/me/api-keys", object("name", "short", "scopes",
                    List.of("events:read"), "expiresAt", expiry)).expect(201).json());
            server.clock().advance(Duration.ofMinutes(1));
            String longLived = keyOf(createKey(ada, "long", "account:read"));
            server.clock().advance(Duration.ofMinutes(5));

            Reply listing = ada.get("/v1/me/api-keys").expect(200);

            JsonNode items = listing.json().get("items");
            assertThat(items).extracting(k -> k.get("name").asText()).containsExactly("long", "short");
            assertThat(items).extracting(k -> k.get("status").asText()).containsExactly("active", "expired");
            assertThat(listing.body()).doesNotContain(shortLived).doesNotContain(longLived)
                    .doesNotContain(longLived.substring(13));
        }

        @Test
        void last_use_is_recorded() {
            String key = keyOf(createKey(ada, "CI", "account:read"));
            assertThat(keys(ada).get(0).get("lastUsedAt").isNull()).isTrue();
            server.clock().advance(Duration.ofMinutes(2));

            http.get("/v1/me", "X-API-Key", key).expect(200);

            assertThat(keys(ada).get(0).get("lastUsedAt").asText())
                    .isEqualTo(server.clock().instant().toString());
        }

        @Test
        void a_body_that_cannot_be_read_is_400_and_makes_nothing() {
            ada.post("/v1/me/api-keys", object("scopes", List.of("events:read"))).problem(400, "request.missing_field");
            ada.post("/v1/me/api-keys", object("name", "x")).problem(400, "request.missing_field");
            ada.post("/v1/me/api-keys", object("name", 7, "scopes", List.of("events:read")))
                    .problem(400, "request.invalid_type");
            ada.post("/v1/me/api-keys", object("name", "x", "scopes", "events:read"))
                    .problem(400, "request.invalid_type");
            Reply item = ada.post("/v1/me/api-keys", object("name", "x", "scopes", List.of("events:read", 3)));
            item.problem(400, "request.invalid_type");
            assertThat(item.errorFields()).containsExactly("scopes[1]");
            ada.post("/v1/me/api-keys", object("name", "x", "scopes", List.of("events:read"), "owner", "eve"))
                    .problem(400, "request.unknown_field");
            ada.post("/v1/me/api-keys", object("name", "x", "scopes", List.of("events:read"), "expiresAt", 5))
                    .problem(400, "request.invalid_type");
            for (String malformed : List.of("tomorrow", "2026-13-01T00:00:00Z", "2026-04-01T00:00:00",
                    "2026-04-01")) {
                Reply reply = ada.post("/v1/me/api-keys", object("name", "x", "scopes", List.of("events:read"),
                        "expiresAt", malformed));
                reply.problem(400, "request.invalid_value");
                assertThat(reply.errorFields()).containsExactly("expiresAt");
            }
            ada.sendJson("POST", "/v1/me/api-keys", "{\"name\":").problem(400, "request.malformed_json");
            ada.sendJson("POST", "/v1/me/api-keys", "name=x", "Content-Type", "text/plain")
                    .problem(415, "request.unsupported_media_type");

            assertThat(keys(ada)).isEmpty();
        }

        @Test
        void a_body_that_breaks_the_rules_is_422_naming_every_field_and_makes_nothing() {
            Reply reply = ada.post("/v1/me/api-keys", object("name", " ", "scopes",
                    List.of("events:read", "events:delete", "admin"),
                    "expiresAt", server.clock().instant().minusSeconds(1).toString()));

            reply.problem(422, "api_key.name.blank");
            assertThat(reply.errorFields()).containsExactly("name", "scopes", "scopes", "expiresAt");
            assertThat(reply.errorCodes()).containsExactly("api_key.name.blank", "api_key.scopes.unknown",
                    "api_key.scopes.unknown", "api_key.expires_at.not_in_future");
            assertThat(reply.body()).contains("'events:delete'").contains("'admin'");

            ada.post("/v1/me/api-keys", object("name", "x", "scopes", List.of()))
                    .problem(422, "api_key.scopes.empty");
            ada.post("/v1/me/api-keys", object("name", "n".repeat(101), "scopes", List.of("events:read")))
                    .problem(422, "api_key.name.too_long");
            ada.post("/v1/me/api-keys", object("name", "CI\r\nX-Injected: 1", "scopes", List.of("events:read")))
                    .problem(422, "api_key.name.control_characters");
            ada.post("/v1/me/api-keys", object("name", "x", "scopes", List.of("events:read"), "expiresAt",
                    server.clock().instant().plus(Duration.ofDays(366)).toString()))
                    .problem(422, "api_key.expires_at.too_far");
            assertThat(keys(ada)).isEmpty();
        }

        @Test
        void an_account_holds_at_most_a_hundred_keys_that_are_not_revoked() {
            for (int i = 0; i < 100; i++) {
                createKey(ada, "key " + i, "events:read");
            }

            ada.post("/v1/me/api-keys", object("name", "one more", "scopes", List.of("events:read")))
                    .problem(409, "api_key.limit_reached");

            ada.delete("/v1/me/api-keys/" + keys(ada).get(0).get("id").asText()).expect(204);
            createKey(ada, "one more", "events:read");
        }
    }

    @Nested
    class Revoking {
        @Test
        void a_revoked_key_stops_working_at_once_and_leaves_the_listing() {
            JsonNode created = createKey(ada, "CI", "account:read");
            http.get("/v1/me", "X-API-Key", keyOf(created)).expect(200);

            ada.delete("/v1/me/api-keys/" + created.get("id").asText()).expect(204);

            http.get("/v1/me", "X-API-Key", keyOf(created)).problem(401, "auth.api_key_invalid");
            http.withToken(keyOf(created)).get("/v1/me").problem(401, "auth.api_key_invalid");
            assertThat(keys(ada)).isEmpty();
            ada.delete("/v1/me/api-keys/" + created.get("id").asText()).problem(404, "api_key.not_found");
        }

        @Test
        void another_accounts_key_an_unknown_id_or_a_non_uuid_is_404() {
            JsonHttp eve = server.signedUp("eve@example.org");
            JsonNode adas = createKey(ada, "CI", "account:read");

            eve.delete("/v1/me/api-keys/" + adas.get("id").asText()).problem(404, "api_key.not_found");
            ada.delete("/v1/me/api-keys/0190a1b2-0000-7000-8000-000000000001").problem(404, "api_key.not_found");
            ada.delete("/v1/me/api-keys/not-a-uuid").problem(404, "api_key.not_found");
            assertThat(keys(ada)).hasSize(1);
            assertThat(keys(eve)).isEmpty();
        }

        @Test
        void an_expired_key_is_401() {
            String key = keyOf(ada.post("/v1/me/api-keys", object("name", "short", "scopes", List.of("account:read"),
                    "expiresAt", server.clock().instant().plusSeconds(60).toString())).expect(201).json());
            http.get("/v1/me", "X-API-Key", key).expect(200);

            server.clock().advance(Duration.ofSeconds(60));

            http.get("/v1/me", "X-API-Key", key).problem(401, "auth.api_key_invalid");
        }
    }

    @Nested
    class Presenting {
        @Test
        void a_key_works_in_either_header_and_acts_as_its_account() {
            String key = keyOf(createKey(ada, "CI", "account:read", "calendars:read", "calendars:write"));

            http.get("/v1/me", "X-API-Key", key).expect(200);
            JsonNode me = http.withToken(key).get("/v1/me").expect(200).json();

            assertThat(me.get("email").asText()).isEqualTo("ada@example.org");
            String calendar = http.withToken(key).post("/v1/calendars", object("name", "Work", "timeZone", "UTC"))
                    .expect(201).json().get("id").asText();
            ada.get("/v1/calendars/" + calendar).expect(200);
        }

        @Test
        void a_key_sees_no_more_than_its_account() {
            JsonHttp eve = server.signedUp("eve@example.org");
            String adas = ada.post("/v1/calendars", object("name", "Ada's", "timeZone", "UTC")).expect(201).json()
                    .get("id").asText();
            String evesKey = keyOf(createKey(eve, "all", "calendars:read", "calendars:write", "events:read",
                    "events:write", "feeds:write"));

            http.get("/v1/calendars/" + adas, "X-API-Key", evesKey).problem(404, "calendar.not_found");
            http.delete("/v1/calendars/" + adas, "X-API-Key", evesKey).problem(404, "calendar.not_found");
            ada.get("/v1/calendars/" + adas).expect(200);
        }

        @Test
        void a_key_without_the_scope_is_403_naming_it() {
            String key = keyOf(createKey(ada, "reader", "calendars:read"));

            Reply reply = http.post("/v1/calendars", object("name", "Work", "timeZone", "UTC"), "X-API-Key", key);

            reply.problem(403, "auth.scope_missing");
            assertThat(reply.json().get("detail").asText()).contains("calendars:write");
            assertThat(reply.header("WWW-Authenticate"))
                    .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"calendars:write\"");
            assertThat(ada.get("/v1/calendars").expect(200).json().get("items")).isEmpty();
        }

        @Test
        void keys_cannot_manage_the_account() {
            String key = keyOf(createKey(ada, "everything", "account:read", "calendars:read", "calendars:write",
                    "events:read", "events:write", "feeds:write"));
            String id = keys(ada).get(0).get("id").asText();
            JsonHttp viaKey = http.withToken(key);

            viaKey.post("/v1/me/api-keys", object("name", "more", "scopes", List.of("events:read")))
                    .problem(403, "auth.session_required");
            viaKey.get("/v1/me/api-keys").problem(403, "auth.session_required");
            http.delete("/v1/me/api-keys/" + id, "X-API-Key", key).problem(403, "auth.session_required");
            viaKey.get("/v1/me/sessions").problem(403, "auth.session_required");
            assertThat(keys(ada)).hasSize(1);
        }

        @Test
        void both_headers_at_once_or_a_header_twice_is_400() {
            String key = keyOf(createKey(ada, "CI", "account:read"));

            ada.get("/v1/me", "X-API-Key", key).problem(400, "request.ambiguous_credentials");
            http.get("/v1/me", "X-API-Key", key, "X-API-Key", key).problem(400, "request.invalid_header");
        }

        @Test
        void a_key_in_the_query_string_never_authenticates() {
            String key = keyOf(createKey(ada, "CI", "account:read"));

            http.get("/v1/me?api_key=" + key).problem(400, "request.credentials_in_query");
            http.get("/v1/me?access_token=" + key).problem(400, "request.credentials_in_query");
            http.get("/v1/me?q=" + key).problem(400, "request.credentials_in_query");
            http.get("/v1/me?api_key=" + key, "X-API-Key", key).problem(400, "request.credentials_in_query");
            http.get("/v1/me?key=" + key).problem(400, "request.credentials_in_query");
            http.get("/v1/me?key=" + key.substring(0, 20)).problem(401, "auth.token_missing");
        }

        @Test
        void malformed_keys_of_every_shape_are_401() {
            String key = keyOf(createKey(ada, "CI", "account:read"));
            String wrongSecret = key.substring(0, key.length() - 1) + (key.endsWith("A") ? "B" : "A");
            String otherPrefix = "alm_00000000" + key.substring(12);

            for (String bad : List.of("", "alm_", key + "A", key.substring(0, 55), "ALM_" + key.substring(4),
                    "xyz_" + key.substring(4), wrongSecret, otherPrefix, key.replace('_', '.'),
                    "alm_" + "A".repeat(5000))) {
                http.get("/v1/me", "X-API-Key", bad).problem(401, "auth.api_key_invalid");
            }
            for (String bad : List.of("alm_", key + "A", wrongSecret, "alm_" + "A".repeat(5000))) {
                http.withToken(bad).get("/v1/me").problem(401, "auth.api_key_invalid");
            }
        }

        @Test
        void a_key_with_non_ascii_bytes_is_401() throws IOException {
            String key = keyOf(createKey(ada, "CI", "account:read"));

            for (String header : List.of("X-API-Key: " + key.substring(0, 55), "Authorization: Bearer "
                    + key.substring(0, 55))) {
                String answer = raw("GET /v1/me HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n" + header,
                        new byte[] {(byte) 0xC3, (byte) 0xA9});
                assertThat(answer).startsWith("HTTP/1.1 401").contains("application/problem+json");
            }
        }

        /** Sends a request line and headers whose last header ends in raw bytes, and reads the whole answer. */
        private String raw(String head, byte[] tail) throws IOException {
            try (Socket socket = new Socket("127.0.0.1", server.port())) {
                OutputStream out = socket.getOutputStream();
                out.write(head.getBytes(StandardCharsets.US_ASCII));
                out.write(tail);
                out.write("\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                try (InputStream in = socket.getInputStream()) {
                    return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
                }
            }
        }
    }
}
