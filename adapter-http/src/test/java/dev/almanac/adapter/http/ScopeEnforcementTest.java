package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import dev.almanac.domain.apikey.Scope;
import java.net.http.HttpRequest;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Walks the whole route table, so that a route added later cannot forget its scope: every scoped route refuses
 * a key holding every scope but its own (403) and admits a key holding only its own; every session-only route
 * refuses a key holding every scope and admits a signed-in session.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScopeEnforcementTest {
    private ApiServer server;
    private JsonHttp ada;
    private final Map<Scope, String> only = new EnumMap<>(Scope.class);
    private final Map<Scope, String> allBut = new EnumMap<>(Scope.class);
    private String everything;
    private String calendar;
    private String event;

    @BeforeAll
    void start() {
        server = ApiServer.start();
        ada = server.signedUp("ada@example.org");
        calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "UTC")).expect(201).json()
                .get("id").asText();
        event = ada.post("/v1/calendars/" + calendar + "/events", object("title", "Stand-up",
                "start", object("dateTime", "2026-03-02T09:00:00", "timeZone", "UTC"),
                "end", object("dateTime", "2026-03-02T09:15:00", "timeZone", "UTC"))).expect(201).json()
                .get("id").asText();
        for (Scope scope : Scope.values()) {
            only.put(scope, key(List.of(scope.wireName())));
            allBut.put(scope, key(Arrays.stream(Scope.values()).filter(s -> s != scope).map(Scope::wireName)
                    .toList()));
        }
        everything = key(Scope.wireNames());
    }

    private String key(List<String> scopes) {
        return ada.post("/v1/me/api-keys", object("name", "scopes " + scopes, "scopes", scopes)).expect(201).json()
                .get("key").asText();
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void every_protected_route_holds_api_keys_to_what_it_declares() {
        int scoped = 0;
        int sessionOnly = 0;
        for (Routes.Route route : server.api().table()) {
            if (route.access() instanceof Routes.Access.Scoped needs) {
                Scope scope = needs.scope();
                for (String method : methods(route)) {
                    Reply denied = send(method, route, "X-API-Key", allBut.get(scope));
                    assertThat(denied.status()).as("%s %s without %s", method, route.path(), scope).isEqualTo(403);
                    assertThat(denied.header("WWW-Authenticate")).as(route.path())
                            .isEqualTo("Bearer error=\"insufficient_scope\", scope=\"" + scope.wireName() + "\"");
                    if (!method.equals("HEAD")) {
                        denied.problem(403, "auth.scope_missing");
                    }
                    Reply admitted = send(method, route, "Authorization", "Bearer " + only.get(scope));
                    assertThat(admitted.status()).as("%s %s with only %s: %s", method, route.path(), scope,
                            admitted.body()).isNotIn(401, 403);
                }
                scoped++;
            } else if (route.access() instanceof Routes.Access.SessionOnly) {
                for (String method : methods(route)) {
                    Reply denied = send(method, route, "X-API-Key", everything);
                    assertThat(denied.status()).as("%s %s with a key", method, route.path()).isEqualTo(403);
                    if (!method.equals("HEAD")) {
                        denied.problem(403, "auth.session_required");
                    }
                    Reply admitted = send(method, route, "Authorization", "Bearer " + ada.token());
                    assertThat(admitted.status()).as("%s %s signed in", method, route.path()).isNotIn(401, 403);
                }
                sessionOnly++;
            }
        }
        assertThat(scoped).isEqualTo(15);
        assertThat(sessionOnly).isEqualTo(9);
    }

    /**
     * The decision for each route, written out: a new route fails here until someone decides what it needs (a
     * scope, the session, or nothing), and a changed decision shows up in review.
     */
    @Test
    void every_route_needs_what_was_decided_for_it() {
        Map<String, String> decided = new java.util.TreeMap<>(Map.ofEntries(
                Map.entry("POST /v1/accounts", "public"), Map.entry("POST /v1/auth/token", "public"),
                Map.entry("POST /v1/auth/refresh", "public"), Map.entry("POST /v1/auth/logout", "public"),
                Map.entry("GET /.well-known/jwks.json", "public"), Map.entry("GET /v1/feeds/{token}", "public"),
                Map.entry("GET /health", "public"), Map.entry("GET /openapi.yaml", "public"),
                Map.entry("GET /docs", "public"), Map.entry("GET /docs/{file}", "public"),
                Map.entry("GET /v1/me", "account:read"),
                Map.entry("GET /v1/me/sessions", "session"), Map.entry("DELETE /v1/me/sessions/{sessionId}", "session"),
                Map.entry("POST /v1/me/api-keys", "session"), Map.entry("GET /v1/me/api-keys", "session"),
                Map.entry("DELETE /v1/me/api-keys/{apiKeyId}", "session"),
                Map.entry("POST /v1/me/password", "session"), Map.entry("POST /v1/me/delete", "session"),
                Map.entry("POST /v1/me/email", "session"), Map.entry("GET /v1/me/audit", "session"),
                Map.entry("POST /v1/accounts/verify", "public"), Map.entry("POST /v1/accounts/verify/resend", "public"),
                Map.entry("POST /v1/calendars", "calendars:write"), Map.entry("GET /v1/calendars", "calendars:read"),
                Map.entry("GET /v1/calendars/{calendarId}", "calendars:read"),
                Map.entry("PATCH /v1/calendars/{calendarId}", "calendars:write"),
                Map.entry("DELETE /v1/calendars/{calendarId}", "calendars:write"),
                Map.entry("POST /v1/calendars/{calendarId}/events", "events:write"),
                Map.entry("GET /v1/calendars/{calendarId}/events", "events:read"),
                Map.entry("GET /v1/calendars/{calendarId}/events/{eventId}", "events:read"),
                Map.entry("PATCH /v1/calendars/{calendarId}/events/{eventId}", "events:write"),
                Map.entry("DELETE /v1/calendars/{calendarId}/events/{eventId}", "events:write"),
                Map.entry("GET /v1/calendars/{calendarId}/ical", "events:read"),
                Map.entry("POST /v1/calendars/{calendarId}/ical", "events:write"),
                Map.entry("POST /v1/calendars/{calendarId}/feeds", "feeds:write"),
                Map.entry("DELETE /v1/calendars/{calendarId}/feeds/{feedId}", "feeds:write")));
        Map<String, String> table = new java.util.TreeMap<>();
        for (Routes.Route route : server.api().table()) {
            String needs = route.access() instanceof Routes.Access.Scoped scoped ? scoped.scope().wireName()
                    : route.access() instanceof Routes.Access.SessionOnly ? "session" : "public";
            table.put(route.method().name() + " " + route.path(), needs);
        }

        assertThat(table).isEqualTo(decided);
    }

    /** The route's method, and HEAD too for a GET (registered with the same access). */
    private static List<String> methods(Routes.Route route) {
        String method = route.method().name();
        return method.equals("GET") ? List.of("GET", "HEAD") : List.of(method);
    }

    private Reply send(String method, Routes.Route route, String header, String credential) {
        String unknown = "0190a1b2-0000-7000-8000-000000000001";
        String path = route.path().replace("{calendarId}", calendar).replace("{eventId}", event)
                .replace("{sessionId}", unknown).replace("{feedId}", unknown).replace("{apiKeyId}", unknown);
        return server.client().send(method, path, HttpRequest.BodyPublishers.ofString("{}"),
                "Content-Type", "application/json", header, credential);
    }
}
