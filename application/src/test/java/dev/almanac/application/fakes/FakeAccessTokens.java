package dev.almanac.application.fakes;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.domain.account.AccountId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Unsigned tokens of the form {@code fake.<account>.<expiry-epoch-second>}, for use-case tests only. */
public final class FakeAccessTokens implements AccessTokens {
    public static final Duration LIFETIME = Duration.ofMinutes(15);

    @Override
    public IssuedToken issue(AccountId account, Instant now) {
        return new IssuedToken("fake." + account + "." + now.plus(LIFETIME).getEpochSecond(), LIFETIME);
    }

    @Override
    public Optional<AccountId> verify(String token, Instant now) {
        String[] parts = token.split("\\.");
        if (parts.length != 3 || !parts[0].equals("fake")) {
            return Optional.empty();
        }
        try {
            if (now.getEpochSecond() >= Long.parseLong(parts[2])) {
                return Optional.empty();
            }
            return Optional.of(new AccountId(UUID.fromString(parts[1])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
