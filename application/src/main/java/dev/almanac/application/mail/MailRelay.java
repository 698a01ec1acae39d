package dev.almanac.application.mail;

import dev.almanac.application.port.MailOutbox;
import dev.almanac.application.port.MailSender;
import java.time.Clock;

/** Wires the mail relay to its ports. */
public final class MailRelay {
    private MailRelay() {
    }

    public static RelayMailUseCase wire(MailOutbox outbox, MailSender sender, Clock clock, RetryPolicy retry) {
        return new MailRelayService(outbox, sender, clock, retry);
    }
}
