package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.application.mail.RetryPolicy;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mail for real: Almanac on PostgreSQL, its HTTP API on a random port, and GreenMail as the SMTP server. A sign-up
 * over HTTP is relayed from the outbox through SMTP; the test reads the token out of the delivered message and
 * verifies over HTTP.
 */
class MailDeliveryTest {
    private static final byte[] SECRET = "a shared replica secret of 32+ bytes....".getBytes(UTF_8);
    private static final Pattern TOKEN = Pattern.compile("#token=([A-Za-z0-9_-]{43})");
    private static final Almanac.RelaySettings FAST = new Almanac.RelaySettings(
            new RetryPolicy(Duration.ofMillis(300), Duration.ofSeconds(1), 30), Duration.ofMillis(100));

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private static Config config(TestDatabase.Fresh db, Path dataDir, int smtpPort) {
        return new Config("127.0.0.1", 0, Optional.of(db.jdbcUrl()), db.user(), db.password(), 4, dataDir,
                Optional.of(SECRET), Duration.ofMinutes(15))
                .withMail(new Config.Mail(Optional.of("127.0.0.1"), smtpPort, Optional.empty(), Optional.empty(),
                        Optional.of("almanac@example.org"), URI.create("https://almanac.example.org")));
    }

    private static JsonHttp client(Almanac almanac) {
        return JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
    }

    private static void signUp(JsonHttp http, String email) {
        http.post("/v1/accounts", object("email", email, "password", "correct horse battery staple",
                "displayName", "Ada")).expect(201);
    }

    private static String tokenIn(MimeMessage message) throws Exception {
        Matcher token = TOKEN.matcher((String) message.getContent());
        assertThat(token.find()).as("a token link in the mail").isTrue();
        return token.group(1);
    }

    private static long count(TestDatabase.Fresh db, String sql) throws Exception {
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void a_sign_up_is_mailed_through_smtp_and_the_mailed_token_verifies_the_account() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        try (Almanac almanac = Almanac.start(config(db, dataA, smtp.getSmtp().getPort()), new MicrosecondClock(),
                FAST)) {
            JsonHttp http = client(almanac);
            signUp(http, "ada@example.org");

            assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("the mail arrived").isTrue();
            MimeMessage mail = smtp.getReceivedMessages()[0];
            assertThat(mail.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
            assertThat(mail.getFrom()[0].toString()).isEqualTo("almanac@example.org");
            assertThat((String) mail.getContent()).contains("https://almanac.example.org/verify#token=");

            var account = http.post("/v1/accounts/verify", object("token", tokenIn(mail))).expect(200).json();

            assertThat(account.get("status").asText()).isEqualTo("ACTIVE");
            assertThat(count(db, "select count(*) from mail_outbox where state = 'SENT' and body is null"))
                    .as("sent, and the link no longer kept").isEqualTo(1);
            assertThat(count(db, "select count(*) from verification_tokens where token_hash like '%"
                    + tokenIn(mail) + "%'")).as("only the hash is stored").isZero();
        } finally {
            smtp.stop();
        }
    }

    @Test
    void while_the_smtp_server_is_down_the_mail_is_retried_with_backoff_and_sent_once_it_is_back()
            throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        try (Almanac almanac = Almanac.start(config(db, dataA, port), new MicrosecondClock(), FAST)) {
            signUp(client(almanac), "ada@example.org");

            Instant deadline = Instant.now().plusSeconds(20);
            while (count(db, "select coalesce(max(attempts), 0) from mail_outbox") < 3
                    && Instant.now().isBefore(deadline)) {
                Thread.sleep(100);
            }
            Thread.sleep(1_000);
            long attempts = count(db, "select max(attempts) from mail_outbox");
            assertThat(attempts).as("failed attempts, spaced out (the relay polls every 100 ms)").isBetween(3L, 9L);
            assertThat(count(db, "select count(*) from mail_outbox where state = 'PENDING' and last_error is not null"))
                    .isEqualTo(1);

            GreenMail smtp = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            smtp.start();
            try {
                assertThat(smtp.waitForIncomingEmail(15_000, 1)).as("delivered once the server is up").isTrue();
                Thread.sleep(1_500);
                assertThat(smtp.getReceivedMessages()).as("and only once").hasSize(1);
                assertThat(count(db, "select count(*) from mail_outbox where state = 'SENT'")).isEqualTo(1);
            } finally {
                smtp.stop();
            }
        }
    }

    @Test
    void two_replicas_relaying_one_outbox_send_each_mail_once() throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        GreenMail smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort());
        smtp.start();
        int accounts = 12;
        try (Almanac a = Almanac.start(config(db, dataA, smtp.getSmtp().getPort()), new MicrosecondClock(), FAST);
             Almanac b = Almanac.start(config(db, dataB, smtp.getSmtp().getPort()), new MicrosecondClock(), FAST)) {
            for (int i = 0; i < accounts; i++) {
                signUp(client(i % 2 == 0 ? a : b), "user" + i + "@example.org");
            }
            assertThat(smtp.waitForIncomingEmail(20_000, accounts)).isTrue();
            Thread.sleep(1_500);

            List<String> recipients = new ArrayList<>();
            for (MimeMessage message : smtp.getReceivedMessages()) {
                recipients.add(message.getAllRecipients()[0].toString());
            }
            assertThat(recipients).hasSize(accounts).doesNotHaveDuplicates();
        } finally {
            smtp.stop();
        }
    }
}
