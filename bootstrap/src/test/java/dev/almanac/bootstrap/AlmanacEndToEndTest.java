package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole service as wired for production (real Argon2id, real JWT, Jdbi on real PostgreSQL, Javalin on a random
 * port), driven over HTTP. Every response is validated against the OpenAPI document by {@link JsonHttp}.
 */
class AlmanacEndToEndTest {

    @TempDir
    static Path dataDir;

    private static TestDatabase.Fresh database;
    private static Almanac almanac;
    private static JsonHttp anonymous;

    @BeforeAll
    static void start() {
        database = TestDatabase.fresh();
        var config = new Config("127.0.0.1", 0, Optional.of(database.jdbcUrl()), database.user(), database.password(),
                4, dataDir, Optional.empty(), Duration.ofMinutes(15));
        almanac = Almanac.start(config, new MicrosecondClock());
        anonymous = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
    }

    @AfterAll
    static void stop() {
        if (almanac != null) {
            almanac.close();
        }
    }

    private static JsonHttp signedUp(String email) {
        anonymous.post("/v1/accounts", object("email", email, "password", "correct horse battery staple",
                "displayName", "Ada")).expect(201);
        VerifiedByHand.verify(database, email);
        String token = anonymous.post("/v1/auth/token", object("email", email, "password",
                "correct horse battery staple")).expect(200).json().get("accessToken").asText();
        return anonymous.withToken(token);
    }

    @Nested
    class ANewUser {

        @Test
        void signs_up_plans_a_week_across_the_dst_switch_and_lists_it() {
            JsonHttp ada = signedUp("ada.week@example.org");
            assertThat(ada.get("/v1/me").expect(200).json().get("email").asText()).isEqualTo("ada.week@example.org");

            JsonNode calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "America/New_York"))
                    .expect(201).json();
            String events = "/v1/calendars/" + calendar.get("id").asText() + "/events";

            // Sunday 8 March 2026 is the spring-forward night in New York: 02:30 does not exist and means 03:30 EDT.
            ada.post(events, object("title", "Night shift",
                    "start", object("dateTime", "2026-03-08T02:30:00", "timeZone", "America/New_York"),
                    "end", object("dateTime", "2026-03-08T06:00:00", "timeZone", "America/New_York"))).expect(201);
            ada.post(events, object("title", "Standup",
                    "start", object("dateTime", "2026-03-09T09:00:00", "timeZone", "America/New_York"),
                    "end", object("dateTime", "2026-03-09T09:15:00", "timeZone", "America/New_York"))).expect(201);
            ada.post(events, object("title", "Flight to Berlin", "location", "JFK",
                    "start", object("dateTime", "2026-03-10T18:00:00", "timeZone", "America/New_York"),
                    "end", object("dateTime", "2026-03-11T08:00:00", "timeZone", "Europe/Berlin"))).expect(201);
            ada.post(events, object("title", "Conference", "start", object("date", "2026-03-12"),
                    "end", object("date", "2026-03-14"))).expect(201);
            ada.post(events, object("title", "Last week's trip", "start", object("date", "2026-03-01"),
                    "end", object("date", "2026-03-09"))).expect(201);
            ada.post(events, object("title", "Next month",
                    "start", object("dateTime", "2026-04-09T09:00:00", "timeZone", "America/New_York"),
                    "end", object("dateTime", "2026-04-09T10:00:00", "timeZone", "America/New_York"))).expect(201);

            List<String> titles = new ArrayList<>();
            String cursor = null;
            do {
                String page = events + "?from=2026-03-08T05:00:00Z&to=2026-03-15T04:00:00Z&limit=2"
                        + (cursor == null ? "" : "&cursor=" + cursor);
                JsonNode body = ada.get(page).expect(200).json();
                body.get("items").forEach(item -> titles.add(item.get("title").asText()));
                cursor = body.has("nextCursor") ? body.get("nextCursor").asText() : null;
            } while (cursor != null);

            assertThat(titles).containsExactly("Last week's trip", "Night shift", "Standup", "Flight to Berlin",
                    "Conference");
        }

        @Test
        void finds_an_occurrence_by_the_title_its_override_gave_it_and_not_by_the_old_one() {
            JsonHttp ada = signedUp("ada.retro@example.org");
            String events = ada.post("/v1/calendars", object("name", "Team", "timeZone", "Europe/Berlin"))
                    .expect(201).header("Location") + "/events";
            String series = ada.post(events, object("title", "Standup",
                    "start", object("dateTime", "2026-03-02T09:00:00", "timeZone", "Europe/Berlin"),
                    "end", object("dateTime", "2026-03-02T09:15:00", "timeZone", "Europe/Berlin"),
                    "recurrence", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode()
                            .add("RRULE:FREQ=WEEKLY;COUNT=4"))).expect(201).json().get("id").asText();
            ada.patch(events + "/" + series + "_20260309T090000", object("title", "Sprint retro")).expect(200);
            String march = "?from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

            JsonNode retro = ada.get(events + march + "&q=RETRO").expect(200).json().get("items");
            JsonNode standups = ada.get(events + march + "&q=standup").expect(200).json().get("items");

            assertThat(retro).hasSize(1);
            assertThat(retro.get(0).get("id").asText()).isEqualTo(series + "_20260309T090000");
            assertThat(retro.get(0).get("title").asText()).isEqualTo("Sprint retro");
            List<String> standupIds = new ArrayList<>();
            standups.forEach(item -> standupIds.add(item.get("id").asText()));
            assertThat(standupIds).containsExactly(series + "_20260302T090000", series + "_20260316T090000",
                    series + "_20260323T090000");
        }

        @Test
        void gets_the_same_401_for_a_wrong_password_and_an_unknown_address() {
            signedUp("ada.login@example.org");
            var wrong = anonymous.post("/v1/auth/token", object("email", "ada.login@example.org",
                    "password", "not the password at all")).expect(401);
            var unknown = anonymous.post("/v1/auth/token", object("email", "nobody@example.org",
                    "password", "not the password at all")).expect(401);

            assertThat(withoutRequestIdentity(wrong.json())).isEqualTo(withoutRequestIdentity(unknown.json()));
        }
    }

    private static JsonNode withoutRequestIdentity(JsonNode problem) {
        return ((ObjectNode) problem).remove(List.of("instance", "requestId"));
    }

    @Nested
    class Concurrency {

        @Test
        void a_stale_if_match_is_refused_with_412_and_the_newer_change_survives() {
            JsonHttp ada = signedUp("ada.etag@example.org");
            var created = ada.post("/v1/calendars", object("name", "Home", "timeZone", "Europe/Berlin")).expect(201);
            String path = created.header("Location");
            String etag = created.header("ETag");

            ada.patch(path, object("name", "Household"), "If-Match", etag).expect(200);
            ada.patch(path, object("name", "Stale rename"), "If-Match", etag).expect(412);

            assertThat(ada.get(path).expect(200).json().get("name").asText()).isEqualTo("Household");
        }

        @Test
        void deleting_a_calendar_takes_its_events_with_it() {
            JsonHttp ada = signedUp("ada.delete@example.org");
            String path = ada.post("/v1/calendars", object("name", "Temp", "timeZone", "UTC")).expect(201)
                    .header("Location");
            String event = ada.post(path + "/events", object("title", "Gone soon",
                    "start", object("date", "2026-05-01"), "end", object("date", "2026-05-02"))).expect(201)
                    .header("Location");

            ada.delete(path).expect(204);

            ada.get(event).expect(404);
            ada.get(path).expect(404);
        }
    }

    @Nested
    class Privacy {

        @Test
        void another_account_sees_404_for_a_calendar_and_its_events_never_403() {
            JsonHttp ada = signedUp("ada.private@example.org");
            JsonHttp eve = signedUp("eve.private@example.org");
            String path = ada.post("/v1/calendars", object("name", "Diary", "timeZone", "UTC")).expect(201)
                    .header("Location");

            eve.get(path).expect(404);
            eve.patch(path, object("name", "Mine now")).expect(404);
            eve.delete(path).expect(404);
            eve.get(path + "/events?from=2026-01-01T00:00:00Z&to=2026-02-01T00:00:00Z").expect(404);
            assertThat(ada.get(path).expect(200).json().get("name").asText()).isEqualTo("Diary");
        }
    }

    @Nested
    class AuditTrail {

        @Test
        void failures_are_kept_although_their_requests_fail_and_successes_come_with_their_change() {
            JsonHttp ada = signedUp("ada.audit@example.org");
            anonymous.post("/v1/auth/token", object("email", "ada.audit@example.org", "password",
                    "not the password at all"), "X-Request-Id", "audit-wrong").expect(401);
            String refresh = anonymous.post("/v1/auth/token", object("email", "ada.audit@example.org", "password",
                    "correct horse battery staple")).expect(200).json().get("refreshToken").asText();
            anonymous.post("/v1/auth/refresh", object("refreshToken", refresh)).expect(200);
            anonymous.post("/v1/auth/refresh", object("refreshToken", refresh)).expect(401);

            JsonNode items = ada.get("/v1/me/audit").expect(200).json().get("items");

            List<String> events = new ArrayList<>();
            items.forEach(item -> events.add(item.get("event").asText() + ":" + item.get("outcome").asText()));
            assertThat(events).containsExactly("auth.refresh_reuse_detected:failure", "auth.refresh:success",
                    "auth.sign_in:success", "auth.sign_in:failure", "auth.sign_in:success", "account.sign_up:success");
            assertThat(items.get(3).get("requestId").asText()).isEqualTo("audit-wrong");
        }
    }

    @Nested
    class AProgramWithAnApiKey {

        @Test
        void reads_with_its_scope_is_refused_without_it_and_stops_when_revoked() {
            JsonHttp ada = signedUp("ada.key@example.org");
            String calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "UTC")).expect(201).json()
                    .get("id").asText();
            JsonNode created = ada.post("/v1/me/api-keys", object("name", "Dashboard", "scopes",
                    List.of("calendars:read"))).expect(201).json();
            String key = created.get("key").asText();

            anonymous.get("/v1/calendars/" + calendar, "X-API-Key", key).expect(200);
            anonymous.withToken(key).get("/v1/calendars/" + calendar).expect(200);
            anonymous.delete("/v1/calendars/" + calendar, "X-API-Key", key).problem(403, "auth.scope_missing");
            anonymous.withToken(key).get("/v1/me/api-keys").problem(403, "auth.session_required");
            JsonNode listed = ada.get("/v1/me/api-keys").expect(200).json().get("items").get(0);
            assertThat(listed.get("prefix").asText()).isEqualTo(created.get("prefix").asText());
            assertThat(listed.get("lastUsedAt").isNull()).isFalse();

            ada.delete("/v1/me/api-keys/" + created.get("id").asText()).expect(204);

            anonymous.get("/v1/calendars/" + calendar, "X-API-Key", key).problem(401, "auth.api_key_invalid");
            ada.get("/v1/calendars/" + calendar).expect(200);
        }
    }

    @Test
    void health_reports_up_with_the_project_version() {
        JsonNode health = anonymous.get("/health").expect(200).json();
        assertThat(health.get("status").asText()).isEqualTo("UP");
        assertThat(health.get("version").asText()).isEqualTo(Almanac.version()).isNotEqualTo("unknown");
    }
}
