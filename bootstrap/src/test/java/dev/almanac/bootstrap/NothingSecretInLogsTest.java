package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.application.account.AuthenticateUseCase;
import dev.almanac.application.account.RegisterAccountUseCase;
import dev.almanac.application.account.SignInUseCase;
import dev.almanac.application.port.AccessTokens;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Drives the service as wired for production through every path that handles a credential, while capturing every
 * line the application logs (the request log included, at every level), then looks for each credential in them.
 */
class NothingSecretInLogsTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String WRONG_PASSWORD = "a wrong guess at the password";
    private static final String ICS = """
            BEGIN:VCALENDAR\r
            VERSION:2.0\r
            PRODID:-//test//EN\r
            BEGIN:VEVENT\r
            UID:standup@example.org\r
            DTSTAMP:20260301T120000Z\r
            DTSTART:20260302T140000Z\r
            DTEND:20260302T141500Z\r
            SUMMARY:Standup\r
            END:VEVENT\r
            END:VCALENDAR\r
            """;

    @TempDir
    Path dataDir;
    private TestDatabase.Fresh db;

    @Test
    void no_password_token_or_feed_token_reaches_the_log() throws Exception {
        LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        ListAppender<ILoggingEvent> captured = new ListAppender<>();
        captured.setContext(logging);
        captured.start();
        Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Logger access = logging.getLogger("dev.almanac.http.access");
        Logger almanacLoggers = logging.getLogger("dev.almanac");
        Level before = almanacLoggers.getLevel();
        root.addAppender(captured);
        access.addAppender(captured);
        almanacLoggers.setLevel(Level.TRACE);
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD));
        int requests = 0;
        try (Almanac almanac = Almanac.start(config())) {
            JsonHttp http = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));

            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada")).expect(201);
            VerifiedByHand.verify(db, "ada@example.org");
            http.post("/v1/auth/token", object("email", "ada@example.org", "password", WRONG_PASSWORD)).expect(401);
            http.post("/v1/auth/token", object("email", WRONG_PASSWORD, "password", PASSWORD)).expect(401);
            JsonNode tokens = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD))
                    .expect(200).json();
            String access1 = tokens.get("accessToken").asText();
            String refresh1 = tokens.get("refreshToken").asText();
            JsonNode refreshed = http.post("/v1/auth/refresh", object("refreshToken", refresh1)).expect(200).json();
            String access2 = refreshed.get("accessToken").asText();
            String refresh2 = refreshed.get("refreshToken").asText();
            // Replaying the first refresh token revokes the family (a logged WARN would be tempting here).
            http.post("/v1/auth/refresh", object("refreshToken", refresh1)).expect(401);
            JsonNode again = http.post("/v1/auth/token", object("email", "ada@example.org", "password", PASSWORD))
                    .expect(200).json();
            String access3 = again.get("accessToken").asText();
            String refresh3 = again.get("refreshToken").asText();
            secrets.addAll(List.of(access1, refresh1, access2, refresh2, access3, refresh3));
            requests += 8;

            JsonHttp ada = http.withToken(access3);
            String tampered = access3.substring(0, access3.length() - 4) + "AAAA";
            secrets.add(tampered);
            http.withToken(tampered).get("/v1/me").expect(401);
            http.get("/v1/me", "Authorization", "Bearer " + refresh3).expect(401);
            http.get("/v1/me", "Authorization", "Basic " + PASSWORD.replace(' ', 'x')).expect(401);
            secrets.add(PASSWORD.replace(' ', 'x'));
            String calendar = ada.post("/v1/calendars", object("name", "Work", "timeZone", "Europe/Berlin"))
                    .expect(201).header("Location");
            ada.send("POST", calendar + "/ical", HttpRequest.BodyPublishers.ofString(ICS),
                    "Content-Type", "text/calendar").expect(200);
            ada.send("POST", calendar + "/ical", HttpRequest.BodyPublishers.ofString("BEGIN:VCALENDAR\r\n" + PASSWORD),
                    "Content-Type", "text/calendar");
            String feedUrl = ada.send("POST", calendar + "/feeds", HttpRequest.BodyPublishers.noBody()).expect(201)
                    .json().get("url").asText();
            String feedToken = feedUrl.substring(feedUrl.lastIndexOf('/') + 1);
            secrets.add(feedToken);
            http.get("/v1/feeds/" + feedToken).expect(200);
            http.get("/v1/feeds/" + feedToken + "x").expect(404);
            secrets.add(feedToken + "x");
            http.post("/v1/auth/logout", object("refreshToken", refresh3)).expect(204);
            http.post("/v1/auth/logout", object("refreshToken", refresh2)).expect(204);
            requests += 11;
            awaitAccessLines(captured, requests);
        } finally {
            root.detachAppender(captured);
            access.detachAppender(captured);
            almanacLoggers.setLevel(before);
        }

        List<String> lines = captured.list.stream().map(NothingSecretInLogsTest::everything).toList();
        assertThat(lines).as("captured log lines").isNotEmpty();
        assertThat(lines).anyMatch(line -> line.contains("GET /v1/feeds/{token} 200"));
        for (String secret : secrets) {
            assertThat(lines).as("log lines containing a secret").noneMatch(line -> line.contains(secret));
        }
    }

    @Test
    void commands_and_results_holding_secrets_do_not_print_them() {
        assertThat(new RegisterAccountUseCase.Command("ada@example.org", PASSWORD, "Ada").toString())
                .doesNotContain(PASSWORD);
        assertThat(new AuthenticateUseCase.Command("ada@example.org", PASSWORD).toString()).doesNotContain(PASSWORD);
        var signedIn = new SignInUseCase.SignedIn(new AccountId(UUID.randomUUID()), new SessionId(UUID.randomUUID()),
                new AccessTokens.IssuedToken("the.access.token", Duration.ofMinutes(15)), "the-refresh-token");
        assertThat(signedIn.toString()).doesNotContain("the.access.token").doesNotContain("the-refresh-token");
    }

    private Config config() {
        db = TestDatabase.fresh();
        return new Config("127.0.0.1", 0, Optional.of(db.jdbcUrl()), db.user(), db.password(), 4, dataDir,
                Optional.empty(), Duration.ofMinutes(15));
    }

    /** The request log is written after the answer: wait until every request has its line. */
    private static void awaitAccessLines(ListAppender<ILoggingEvent> captured, int requests)
            throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            long lines = List.copyOf(captured.list).stream()
                    .filter(e -> e.getLoggerName().equals("dev.almanac.http.access")).count();
            if (lines >= requests) {
                return;
            }
            Thread.sleep(20);
        }
    }

    private static String everything(ILoggingEvent event) {
        String text = event.getLoggerName() + " " + event.getFormattedMessage();
        if (event.getThrowableProxy() != null) {
            text += " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
        }
        return text + " " + event.getMDCPropertyMap();
    }
}
