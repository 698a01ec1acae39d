package dev.almanac.adapter.mail;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.EmailAddress;
import java.time.Duration;
import java.util.Optional;

/**
 * Where and as whom mail is handed over. Port 465 means TLS from the first byte (SMTPS); any other port starts in
 * plain text and upgrades with STARTTLS when the server offers it.
 *
 * @param password never printed: {@link #toString()} leaves it out
 */
public record SmtpSettings(String host, int port, Optional<String> username, Optional<String> password,
                           EmailAddress from, Duration timeout) {
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public SmtpSettings {
        requireNonNull(host, "host");
        requireNonNull(username, "username");
        requireNonNull(password, "password");
        requireNonNull(from, "from");
        requireNonNull(timeout, "timeout");
        if (host.isBlank()) {
            throw new IllegalArgumentException("an SMTP host is needed");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("an SMTP port is 1..65535");
        }
        if (password.isPresent() && username.isEmpty()) {
            throw new IllegalArgumentException("an SMTP password needs a user name");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("the timeout must be positive");
        }
    }

    @Override
    public String toString() {
        return "SmtpSettings[" + host + ":" + port + ", user=" + username.orElse("none") + ", password="
                + (password.isPresent() ? "redacted" : "none") + ", from=" + from + ", timeout=" + timeout + "]";
    }
}
