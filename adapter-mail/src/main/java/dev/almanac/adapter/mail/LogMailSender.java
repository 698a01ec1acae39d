package dev.almanac.adapter.mail;

import dev.almanac.application.port.MailSender;
import dev.almanac.application.port.OutgoingMail;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link MailSender} for when no SMTP server is configured (the embedded default): each mail, links and tokens
 * included, is written to the application log, so a developer can follow the verification flow without a mail
 * server. Not for production: anyone who reads the log can verify the addresses.
 */
public final class LogMailSender implements MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(LogMailSender.class);

    @Override
    public void send(OutgoingMail mail) {
        LOG.info("Mail to {} (no SMTP server configured, so it is written here instead)\nSubject: {}\n\n{}",
                mail.to(), mail.subject(), mail.body());
    }
}
