package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.domain.testing.ShiftingZone;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service restarts on tz data in which a zone's rules changed (simulated with {@link ShiftingZone}: +01:00,
 * then +02:00): before it answers the first request, the event stored under the old rules has moved on the time
 * line, and its wall time has not.
 */
class TzdataChangeTest {

    @TempDir
    Path dataDir;

    @AfterEach
    void resetZone() {
        ShiftingZone.install();
    }

    @Test
    void a_restart_on_changed_zone_rules_moves_stored_instants_before_serving() {
        ShiftingZone.install();
        TestDatabase.Fresh database = TestDatabase.fresh();
        var config = new Config("127.0.0.1", 0, Optional.of(database.jdbcUrl()), database.user(),
                database.password(), 2, dataDir, Optional.empty(), Duration.ofMinutes(15));
        String events;
        String token;
        try (Almanac almanac = Almanac.start(config)) {
            JsonHttp anonymous = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
            anonymous.post("/v1/accounts", object("email", "ada@example.org", "password",
                    "correct horse battery staple", "displayName", "Ada")).expect(201);
            token = anonymous.post("/v1/auth/token", object("email", "ada@example.org", "password",
                    "correct horse battery staple")).expect(200).json().get("accessToken").asText();
            JsonHttp ada = anonymous.withToken(token);
            events = ada.post("/v1/calendars", object("name", "Work", "timeZone", "UTC")).expect(201)
                    .header("Location") + "/events";
            ada.post(events, object("title", "Standup",
                    "start", object("dateTime", "2030-06-03T09:00:00", "timeZone", ShiftingZone.ID),
                    "end", object("dateTime", "2030-06-03T09:15:00", "timeZone", ShiftingZone.ID))).expect(201);
            assertThat(titlesBetween(ada, events, "2030-06-03T08:00:00Z", "2030-06-03T08:10:00Z"))
                    .containsExactly("Standup");
        }

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));

        try (Almanac almanac = Almanac.start(config)) {
            JsonHttp ada = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port())).withToken(token);
            assertThat(titlesBetween(ada, events, "2030-06-03T08:00:00Z", "2030-06-03T08:10:00Z")).isEmpty();
            JsonNode moved = ada.get(events + "?from=2030-06-03T07:00:00Z&to=2030-06-03T07:10:00Z").expect(200)
                    .json().get("items");
            assertThat(moved).hasSize(1);
            assertThat(moved.get(0).get("start").get("dateTime").asText()).startsWith("2030-06-03T09:00");
            assertThat(moved.get(0).get("start").get("timeZone").asText()).isEqualTo(ShiftingZone.ID);
        }
    }

    private static java.util.List<String> titlesBetween(JsonHttp ada, String events, String from, String to) {
        var titles = new java.util.ArrayList<String>();
        ada.get(events + "?from=" + from + "&to=" + to).expect(200).json().get("items")
                .forEach(item -> titles.add(item.get("title").asText()));
        return titles;
    }
}
