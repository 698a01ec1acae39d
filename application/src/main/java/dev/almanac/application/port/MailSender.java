package dev.almanac.application.port;

/** Hands a mail to the outside world (an SMTP server, or the log). Called only by the outbox relay. */
@FunctionalInterface
public interface MailSender {

    /**
     * Sends one mail, or throws.
     *
     * @throws DeliveryFailed when the mail could not be handed over; the relay tries again later
     */
    void send(OutgoingMail mail);

    /** The mail was not handed over (the server is down, refused it, timed out). */
    final class DeliveryFailed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        public DeliveryFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
