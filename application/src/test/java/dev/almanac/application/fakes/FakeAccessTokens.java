package dev.almanac.application.fakes;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Unsigned tokens of the form {@code fake.<account>.<session>.<expiry-epoch-second>}, for use-case tests only. */
public final class FakeAccessTokens implements AccessTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    @Override
    public IssuedToken issue(Subject subject, Instant now) {
        return new IssuedToken("fake." + subject.account() + "." + subject.session() + "."
                + now.plus(LIFETIME).getEpochSecond(), LIFETIME);
    }

    @Override
    public Optional<Subject> verify(String token, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 4 || !parts[0].equals("fake")) {
            return Optional.empty();
        }
        try {
            if (now.getEpochSecond() >= Long.parseLong(parts[3])) {
                return Optional.empty();
            }
            return Optional.of(new Subject(new AccountId(UUID.fromString(parts[1])),
                    new SessionId(UUID.fromString(parts[2]))));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
