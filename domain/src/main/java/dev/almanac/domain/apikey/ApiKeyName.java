package dev.almanac.domain.apikey;

import dev.almanac.domain.shared.Text;

/** What the owner calls a key ("CI deploys"): trimmed, 1 to 100 characters, one line, no control characters. */
public record ApiKeyName(String value) {
    public static final int MAX_LENGTH = 100;

    public ApiKeyName {
        value = Text.label(value, MAX_LENGTH, "name", "api_key.name");
    }

    @Override
    public String toString() {
        return value;
    }
}
