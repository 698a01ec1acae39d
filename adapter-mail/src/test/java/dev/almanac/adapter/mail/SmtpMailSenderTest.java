package dev.almanac.adapter.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.almanac.application.port.MailSender;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.EmailAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/** The SMTP adapter against a real SMTP server (GreenMail) on a free port. */
class SmtpMailSenderTest {
    private static final OutgoingMail MAIL = new OutgoingMail(EmailAddress.of("ada@example.org"),
            "Confirm your Almanac address — ünïcode", "Hello Ada,\n\nopen http://localhost/verify#token=abc\n");

    private GreenMail smtp;

    @BeforeEach
    void startServer() {
        smtp = new GreenMail(ServerSetupTest.SMTP.dynamicPort())
                .withConfiguration(GreenMailConfiguration.aConfig().withUser("almanac", "s3cret-pass"));
        smtp.start();
    }

    @AfterEach
    void stopServer() {
        smtp.stop();
    }

    private SmtpMailSender sender(Optional<String> user, Optional<String> password) {
        return new SmtpMailSender(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), user, password,
                EmailAddress.of("almanac@example.org"), Duration.ofSeconds(5)));
    }

    @Test
    void a_mail_arrives_as_plain_utf8_text_from_the_configured_sender() throws Exception {
        sender(Optional.empty(), Optional.empty()).send(MAIL);

        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertThat(received.getSubject()).isEqualTo(MAIL.subject());
        assertThat(received.getFrom()[0].toString()).isEqualTo("almanac@example.org");
        assertThat(received.getAllRecipients()[0].toString()).isEqualTo("ada@example.org");
        assertThat(received.getContentType()).startsWith("text/plain").containsIgnoringCase("utf-8");
        // SMTP may drop the final line break; the text itself arrives as written
        assertThat(((String) received.getContent()).replace("\r\n", "\n").strip()).isEqualTo(MAIL.body().strip());
        assertThat(received.getSentDate()).isNotNull();
    }

    @Test
    void it_signs_in_when_given_credentials_and_a_wrong_password_fails_without_showing_it() {
        sender(Optional.of("almanac"), Optional.of("s3cret-pass")).send(MAIL);
        assertThat(smtp.waitForIncomingEmail(5_000, 1)).isTrue();

        assertThatThrownBy(() -> sender(Optional.of("almanac"), Optional.of("wrong-pass")).send(MAIL))
                .isInstanceOf(MailSender.DeliveryFailed.class)
                .hasMessageNotContaining("wrong-pass");
        assertThat(sender(Optional.of("almanac"), Optional.of("wrong-pass")).toString())
                .doesNotContain("wrong-pass").contains("redacted");
    }

    @Test
    void a_server_that_is_down_is_a_delivery_failure() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        var down = new SmtpMailSender(new SmtpSettings("127.0.0.1", closedPort, Optional.empty(), Optional.empty(),
                EmailAddress.of("almanac@example.org"), Duration.ofSeconds(2)));

        assertThatThrownBy(() -> down.send(MAIL)).isInstanceOf(MailSender.DeliveryFailed.class)
                .hasMessageContaining("127.0.0.1:" + closedPort);
    }

    @Test
    void settings_refuse_a_password_without_a_user() {
        assertThatThrownBy(() -> new SmtpSettings("smtp.example.org", 587, Optional.empty(), Optional.of("p"),
                EmailAddress.of("a@example.org"), Duration.ofSeconds(1))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void without_smtp_a_mail_goes_to_the_log_link_and_all() {
        Logger logger = (Logger) LoggerFactory.getLogger(LogMailSender.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            new LogMailSender().send(MAIL);
        } finally {
            logger.detachAppender(appender);
        }
        assertThat(appender.list).singleElement().extracting(ILoggingEvent::getFormattedMessage).asString()
                .contains("ada@example.org").contains(MAIL.subject()).contains("http://localhost/verify#token=abc");
    }
}
