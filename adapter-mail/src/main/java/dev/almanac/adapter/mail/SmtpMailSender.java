package dev.almanac.adapter.mail;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.MailSender;
import dev.almanac.application.port.OutgoingMail;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Properties;

/**
 * {@link MailSender} over SMTP with Angus Mail (the Jakarta Mail implementation). One connection per mail: the
 * relay sends a handful at a time, and a fresh connection never inherits a broken one. Every network step has a
 * timeout, so a hung server delays the relay, never stalls it.
 */
public final class SmtpMailSender implements MailSender {
    private final SmtpSettings settings;
    private final Session session;

    public SmtpMailSender(SmtpSettings settings) {
        this.settings = requireNonNull(settings, "settings");
        Properties properties = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        boolean smtps = settings.port() == 465;
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.port()));
        properties.put("mail.smtp.connectiontimeout", timeout);
        properties.put("mail.smtp.timeout", timeout);
        properties.put("mail.smtp.writetimeout", timeout);
        properties.put("mail.smtp.from", settings.from().value());
        properties.put("mail.smtp.ssl.enable", String.valueOf(smtps));
        properties.put("mail.smtp.ssl.checkserveridentity", "true");
        properties.put("mail.smtp.starttls.enable", String.valueOf(!smtps));
        properties.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
        Authenticator authenticator = settings.username().isEmpty() ? null : new Authenticator() {
            @Override
            protected PasswordAuthentication getPasswordAuthentication() {
                return new PasswordAuthentication(settings.username().get(), settings.password().orElse(""));
            }
        };
        this.session = Session.getInstance(properties, authenticator);
    }

    @Override
    public void send(OutgoingMail mail) {
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.from().value(), true));
            message.setRecipient(Message.RecipientType.TO, new InternetAddress(mail.to().value(), true));
            message.setSubject(mail.subject(), StandardCharsets.UTF_8.name());
            message.setText(mail.body(), StandardCharsets.UTF_8.name());
            message.setSentDate(new Date());
            Transport.send(message);
        } catch (MessagingException e) {
            throw new DeliveryFailed("SMTP " + settings.host() + ":" + settings.port() + " did not take the mail: "
                    + e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "SmtpMailSender[" + settings + "]";
    }
}
