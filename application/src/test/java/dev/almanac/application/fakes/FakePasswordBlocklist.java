package dev.almanac.application.fakes;

import dev.almanac.domain.account.PasswordBlocklist;
import java.util.Set;

/**
 * A handful of common passwords, for use-case and HTTP tests; the service itself uses the full list from the
 * zxcvbn library (see {@code ZxcvbnPasswordBlocklist}).
 */
public final class FakePasswordBlocklist implements PasswordBlocklist {
    private static final Set<String> COMMON = Set.of("password1234", "qwerty123456", "123456789012",
            "iloveyou1234", "letmein12345");

    @Override
    public boolean containsNormalized(String normalized) {
        return COMMON.contains(normalized);
    }
}
