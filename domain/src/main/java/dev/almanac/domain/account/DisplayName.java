package dev.almanac.domain.account;

import dev.almanac.domain.shared.Text;

/** How an account is shown to people: 1..100 characters after trimming, no control characters. */
public record DisplayName(String value) {
    public static final int MAX_LENGTH = 100;

    public DisplayName {
        value = Text.label(value, MAX_LENGTH, "displayName", "account.display_name");
    }

    @Override
    public String toString() {
        return value;
    }
}
