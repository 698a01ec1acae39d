package dev.almanac.application.fakes;

import dev.almanac.application.port.MailSender;
import dev.almanac.application.port.OutgoingMail;
import java.util.ArrayList;
import java.util.List;

/** A {@link MailSender} that keeps what it is given, or fails while told to be down. */
public final class RecordingMailSender implements MailSender {
    private final List<OutgoingMail> sent = new ArrayList<>();
    private volatile boolean down;

    @Override
    public synchronized void send(OutgoingMail mail) {
        if (down) {
            throw new DeliveryFailed("connection refused: the test's mail server is down", null);
        }
        sent.add(mail);
    }

    public void down(boolean value) {
        this.down = value;
    }

    public synchronized List<OutgoingMail> sent() {
        return List.copyOf(sent);
    }
}
