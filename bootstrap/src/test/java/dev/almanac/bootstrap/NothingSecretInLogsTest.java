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
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.application.account.AuthenticateUseCase;
import dev.almanac.application.account.RegisterAccountUseCase;
import dev.almanac.application.account.SignInUseCase;
import dev.almanac.application.mail.RetryPolicy;
import dev.almanac.application.port.AccessTokens;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");
    private static final String MAIL_LOGGER = "dev.almanac.adapter.mail.LogMailSender";
    private static final Almanac.RelaySettings FAST = new Almanac.RelaySettings(
            new RetryPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), 30), Duration.ofMillis(100));

    @TempDir
    Path dataDir;

    /**
     * With an SMTP server configured (as in production), nothing secret is logged: not the passwords, access and
     * refresh tokens, verification tokens (sign-up and address change), API keys, nor feed tokens.
     */
    @Test
    void no_password_token_key_or_feed_token_reaches_the_log() throws Exception {
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        List<String> secrets = new ArrayList<>(List.of(PASSWORD, WRONG_PASSWORD));
        Capture capture = Capture.start();
        try (Almanac almanac = Almanac.start(config().withMail(new Config.Mail(Optional.of("127.0.0.1"),
                smtp.getSmtp().getPort(), Optional.empty(), Optional.empty(), Optional.of("almanac@example.org"),
                URI.create("https://almanac.example.org"))), new MicrosecondClock(), FAST)) {
            JsonHttp http = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));

            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada")).expect(201);
            String verification = tokenInMail(smtp, 1);
            secrets.add(verification);
            http.post("/v1/accounts/verify", object("token", verification)).expect(200);
            http.post("/v1/accounts/verify", object("token", verification)).problem(422,
                    "account.verification.token_used");
            http.post("/v1/accounts/verify/resend", object("email", "ada@example.org")).expect(202);
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

            JsonNode created = ada.post("/v1/me/api-keys", object("name", "Dashboard", "scopes",
                    List.of("calendars:read"))).expect(201).json();
            String key = created.get("key").asText();
            String tamperedKey = key.substring(0, key.length() - 4) + "AAAA";
            secrets.addAll(List.of(key, tamperedKey));
            http.get("/v1/calendars", "X-API-Key", key).expect(200);
            http.withToken(key).get("/v1/calendars").expect(200);
            http.post("/v1/calendars", object("name", "Home", "timeZone", "UTC"), "X-API-Key", key)
                    .problem(403, "auth.scope_missing");
            http.get("/v1/me/sessions", "X-API-Key", key).problem(403, "auth.session_required");
            http.get("/v1/calendars", "X-API-Key", tamperedKey).problem(401, "auth.api_key_invalid");
            http.get("/v1/calendars?api_key=" + key).problem(400, "request.credentials_in_query");
            ada.delete("/v1/me/api-keys/" + created.get("id").asText()).expect(204);
            http.get("/v1/calendars", "X-API-Key", key).problem(401, "auth.api_key_invalid");

            ada.post("/v1/me/email", object("email", "ada@new.example.org", "password", PASSWORD)).expect(202);
            String addressChange = tokenInMail(smtp, 2);
            secrets.add(addressChange);
            http.post("/v1/accounts/verify", object("token", addressChange)).expect(200);

            http.post("/v1/auth/logout", object("refreshToken", refresh3)).expect(204);
            http.post("/v1/auth/logout", object("refreshToken", refresh2)).expect(204);
            capture.awaitLastRequest(http);
        } finally {
            capture.stop();
            smtp.stop();
        }

        List<String> lines = capture.lines();
        assertThat(lines).as("captured log lines").isNotEmpty();
        assertThat(lines).anyMatch(line -> line.contains("GET /v1/feeds/{token} 200"));
        assertThat(lines).noneMatch(line -> line.startsWith(MAIL_LOGGER));
        for (String secret : secrets) {
            assertThat(lines).as("log lines containing a secret").noneMatch(line -> line.contains(secret));
        }
    }

    /**
     * Without an SMTP server, mails are written to the log on purpose (ADR 0013: the embedded default must let a
     * developer verify an address). Then the verification token is in the log, but only in the mail logger's lines.
     */
    @Test
    void without_an_smtp_server_the_verification_token_is_logged_only_by_the_mail_logger() throws Exception {
        Capture capture = Capture.start();
        String verification;
        try (Almanac almanac = Almanac.start(config(), new MicrosecondClock(), FAST)) {
            JsonHttp http = JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada")).expect(201);
            verification = capture.tokenMailedToTheLog();
            http.post("/v1/accounts/verify", object("token", verification)).expect(200);
            http.post("/v1/accounts/verify", object("token", verification)).problem(422,
                    "account.verification.token_used");
            capture.awaitLastRequest(http);
        } finally {
            capture.stop();
        }

        List<String> holding = capture.lines().stream().filter(line -> line.contains(verification)).toList();
        assertThat(holding).as("log lines holding the verification token").isNotEmpty()
                .allMatch(line -> line.startsWith(MAIL_LOGGER + " "));
        assertThat(capture.lines()).noneMatch(line -> line.contains(PASSWORD));
    }

    /** The token in the {@code count}-th mail the SMTP server received, waiting for it. */
    private static String tokenInMail(GreenMail smtp, int count) throws Exception {
        assertThat(smtp.waitForIncomingEmail(15_000, count)).as("mail %s arrived", count).isTrue();
        MimeMessage mail = smtp.getReceivedMessages()[count - 1];
        Matcher token = TOKEN.matcher((String) mail.getContent());
        assertThat(token.find()).as("a token link in mail %s", count).isTrue();
        return token.group(1);
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
        TestDatabase.Fresh db = TestDatabase.fresh();
        return new Config("127.0.0.1", 0, Optional.of(db.jdbcUrl()), db.user(), db.password(), 4, dataDir,
                Optional.empty(), Duration.ofMinutes(15));
    }

    /**
     * Every line the application logs while it runs (the request log included, at every level), each as the
     * logger's name, the message, any stack trace and the MDC.
     */
    private static final class Capture {
        private final LoggerContext logging = (LoggerContext) LoggerFactory.getILoggerFactory();
        private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
        private final Logger root = logging.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        private final Logger access = logging.getLogger("dev.almanac.http.access");
        private final Logger almanac = logging.getLogger("dev.almanac");
        private final Level before = almanac.getLevel();

        static Capture start() {
            Capture capture = new Capture();
            capture.captured.setContext(capture.logging);
            capture.captured.start();
            capture.root.addAppender(capture.captured);
            capture.access.addAppender(capture.captured);
            capture.almanac.setLevel(Level.TRACE);
            return capture;
        }

        void stop() {
            root.detachAppender(captured);
            access.detachAppender(captured);
            almanac.setLevel(before);
        }

        List<String> lines() {
            return List.copyOf(captured.list).stream().map(Capture::everything).toList();
        }

        /** The request log is written after the answer: sends one last request and waits for its line. */
        void awaitLastRequest(JsonHttp http) throws InterruptedException {
            http.get("/health", "X-Request-Id", "the-last-request").expect(200);
            awaitLine(line -> line.startsWith("dev.almanac.http.access") && line.contains("the-last-request"));
        }

        /** The verification token in the mail the relay wrote to the log, waiting for it. */
        String tokenMailedToTheLog() throws InterruptedException {
            String line = awaitLine(l -> l.startsWith(MAIL_LOGGER + " ") && TOKEN.matcher(l).find());
            Matcher token = TOKEN.matcher(line);
            assertThat(token.find()).isTrue();
            return token.group(1);
        }

        private String awaitLine(java.util.function.Predicate<String> wanted) throws InterruptedException {
            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (System.nanoTime() < deadline) {
                Optional<String> found = lines().stream().filter(wanted).findFirst();
                if (found.isPresent()) {
                    return found.get();
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no such log line within 15 s");
        }

        private static String everything(ILoggingEvent event) {
            String text = event.getLoggerName() + " " + event.getFormattedMessage();
            if (event.getThrowableProxy() != null) {
                text += " " + ThrowableProxyUtil.asString(event.getThrowableProxy());
            }
            return text + " " + event.getMDCPropertyMap();
        }
    }
}
