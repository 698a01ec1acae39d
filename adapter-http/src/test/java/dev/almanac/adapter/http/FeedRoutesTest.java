package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static dev.almanac.adapter.http.testing.Json.wall;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Feeds: created by the owner, read with the token alone, cheap to poll, revoked at once. */
class FeedRoutesTest {
    private ApiServer server;
    private JsonHttp ada;
    private String calendar;

    @BeforeEach
    void start() {
        server = ApiServer.start();
        ada = server.signedUp("ada@example.org");
        calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "Europe/Berlin")).expect(201)
                .header("Location");
        ada.post(calendar + "/events", object("title", "Standup", "start", wall("2026-03-02T09:00", "Europe/Berlin"),
                "end", wall("2026-03-02T09:15", "Europe/Berlin"))).expect(201);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonNode created() {
        return ada.send("POST", calendar + "/feeds", HttpRequest.BodyPublishers.noBody()).expect(201).json();
    }

    private static String path(JsonNode feed) {
        return URI.create(feed.get("url").asText()).getPath();
    }

    @Test
    void a_feed_is_read_without_a_token_and_polled_with_its_etag() {
        JsonNode feed = created();
        assertThat(feed.get("url").asText()).startsWith(ApiServer.PUBLIC_URL + "/v1/feeds/");

        var reply = server.client().get(path(feed)).expect(200);
        assertThat(reply.header("Content-Type")).startsWith("text/calendar");
        assertThat(reply.body()).contains("SUMMARY:Standup").contains("BEGIN:VTIMEZONE");
        assertThat(server.client().get(path(feed), "If-None-Match", reply.header("ETag")).status()).isEqualTo(304);
    }

    @Test
    void the_feed_url_is_built_on_the_configured_public_url_whatever_host_the_request_names() throws Exception {
        String answer;
        try (var socket = new java.net.Socket("127.0.0.1", server.port())) {
            socket.setSoTimeout(20_000);
            socket.getOutputStream().write(("POST " + calendar + "/feeds HTTP/1.1\r\nHost: attacker.example\r\n"
                    + "X-Forwarded-Host: attacker.example\r\nAuthorization: Bearer " + ada.token() + "\r\n"
                    + "Content-Length: 0\r\nConnection: close\r\n\r\n")
                    .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 201").contains("\"url\":\"" + ApiServer.PUBLIC_URL + "/v1/feeds/")
                .doesNotContain("attacker");
    }

    @Test
    void a_revoked_feed_answers_404_at_once_and_other_feeds_live_on() {
        JsonNode first = created();
        JsonNode second = created();
        ada.delete(calendar + "/feeds/" + first.get("id").asText()).expect(204);

        server.client().get(path(first)).problem(404, "feed.not_found");
        server.client().get(path(second)).expect(200);
        ada.delete(calendar + "/feeds/" + first.get("id").asText()).problem(404, "feed.not_found");
    }

    @Test
    void guessed_tokens_strangers_and_bad_ids_get_nothing() {
        created();
        server.client().get("/v1/feeds/guessed").problem(404, "feed.not_found");
        server.client().get("/v1/feeds/" + "x".repeat(300)).problem(404, "feed.not_found");
        JsonHttp eve = server.signedUp("eve@example.org");
        eve.send("POST", calendar + "/feeds", HttpRequest.BodyPublishers.noBody()).problem(404, "calendar.not_found");
        ada.delete(calendar + "/feeds/not-a-uuid").problem(404, "feed.not_found");
        server.client().send("POST", calendar + "/feeds", HttpRequest.BodyPublishers.noBody())
                .problem(401, "auth.token_missing");
    }

    @Test
    void deleting_the_calendar_closes_its_feeds() {
        JsonNode feed = created();
        ada.delete(calendar).expect(204);
        server.client().get(path(feed)).problem(404, "feed.not_found");
    }
}
