package dev.almanac.application.mail;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.MailOutbox.Delivery;
import dev.almanac.application.port.MailOutbox.QueuedMail;
import dev.almanac.application.port.MailSender;
import java.time.Clock;
import java.time.Instant;

/** Drains the outbox through the mail sender; the outbox keeps other replicas off the mails being sent. */
final class MailRelayService implements RelayMailUseCase {
    /** Mails per batch: small, since each batch holds its rows locked while it talks to the mail server. */
    static final int BATCH = 20;
    /** How much of a failure's message is kept with the mail. */
    static final int MAX_ERROR = 500;

    private final MailOutbox outbox;
    private final MailSender sender;
    private final Clock clock;
    private final RetryPolicy retry;

    MailRelayService(MailOutbox outbox, MailSender sender, Clock clock, RetryPolicy retry) {
        this.outbox = requireNonNull(outbox, "outbox");
        this.sender = requireNonNull(sender, "sender");
        this.clock = requireNonNull(clock, "clock");
        this.retry = requireNonNull(retry, "retry");
    }

    @Override
    public int relayDue() {
        return outbox.relay(clock.instant(), BATCH, this::deliver);
    }

    private Delivery deliver(QueuedMail queued) {
        try {
            sender.send(queued.mail());
            return new MailOutbox.Sent(clock.instant());
        } catch (MailSender.DeliveryFailed failed) {
            Instant now = clock.instant();
            int failures = queued.attempts() + 1;
            String error = describe(failed);
            if (retry.exhausted(failures)) {
                return new MailOutbox.GaveUp(now, error);
            }
            return new MailOutbox.Retry(now, now.plus(retry.delayAfter(failures)), error);
        }
    }

    private static String describe(Throwable failure) {
        String text = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        String oneLine = text.replaceAll("\\p{Cntrl}+", " ").strip();
        return oneLine.length() > MAX_ERROR ? oneLine.substring(0, MAX_ERROR) : oneLine;
    }
}
