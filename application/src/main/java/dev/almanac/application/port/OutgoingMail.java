package dev.almanac.application.port;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.EmailAddress;

/**
 * One plain-text mail to one address. The subject is one line (no CR, LF or other control characters, so
 * nothing can be smuggled into the headers); the body may hold a secret link, so {@link #toString()} leaves it
 * out.
 */
public record OutgoingMail(EmailAddress to, String subject, String body) {
    public static final int MAX_SUBJECT = 200;
    public static final int MAX_BODY = 20_000;

    public OutgoingMail {
        requireNonNull(to, "to");
        requireNonNull(subject, "subject");
        requireNonNull(body, "body");
        if (subject.isBlank() || subject.length() > MAX_SUBJECT || subject.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException("a subject is one line of 1.." + MAX_SUBJECT + " characters");
        }
        if (body.length() > MAX_BODY) {
            throw new IllegalArgumentException("a body is at most " + MAX_BODY + " characters");
        }
    }

    @Override
    public String toString() {
        return "OutgoingMail[to=" + to + ", subject=" + subject + ", body=redacted]";
    }
}
