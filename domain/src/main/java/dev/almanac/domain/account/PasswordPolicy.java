package dev.almanac.domain.account;

import dev.almanac.domain.shared.RuleViolationException;
import java.text.Normalizer;

/**
 * What Almanac accepts as a new password, following NIST SP 800-63B and OWASP ASVS: 12 to 128 characters
 * (Unicode code points, counted in the {@linkplain #normalized normalised form} passwords are hashed in), no
 * composition rules, never truncated, no NUL and no lone surrogates, and not on a {@link PasswordBlocklist} of
 * common passwords (compared after NFKC normalisation).
 */
public final class PasswordPolicy {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 128;

    private PasswordPolicy() {
    }

    /** Checks a candidate password against the rules and {@code blocklist}, and returns it unchanged. */
    public static String check(String password, PasswordBlocklist blocklist) {
        check(password);
        if (blocklist.contains(password)) {
            throw new RuleViolationException("password", "account.password.too_common",
                    "password is one of the most common passwords; choose another");
        }
        return password;
    }

    /** Checks a candidate password against the length and character rules only, and returns it unchanged. */
    public static String check(String password) {
        if (password == null || password.isEmpty()) {
            throw new RuleViolationException("password", "account.password.blank", "password must not be empty");
        }
        if (password.length() > MAX_LENGTH * 2) {
            throw tooLong();
        }
        for (int i = 0; i < password.length(); i++) {
            char c = password.charAt(i);
            if (c == 0) {
                throw new RuleViolationException("password", "account.password.invalid_characters",
                        "password must not contain NUL characters");
            }
            if (Character.isHighSurrogate(c) && i + 1 < password.length()
                    && Character.isLowSurrogate(password.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new RuleViolationException("password", "account.password.invalid_characters",
                        "password must be valid Unicode text");
            }
        }
        String normalized = normalized(password);
        int length = normalized.codePointCount(0, normalized.length());
        if (length < MIN_LENGTH) {
            throw new RuleViolationException("password", "account.password.too_short",
                    "password must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            throw tooLong();
        }
        return password;
    }

    /**
     * The form a password is hashed and compared in: Unicode NFKC (NIST SP 800-63B §5.1.1.2), so composed and
     * decomposed accents, or full-width letters, are the same password.
     */
    public static String normalized(String password) {
        return Normalizer.normalize(password, Normalizer.Form.NFKC);
    }

    /** Whether {@code a} and {@code b} are the same password, in any spelling {@link #normalized} folds together. */
    public static boolean same(String a, String b) {
        return normalized(a).equals(normalized(b));
    }

    private static RuleViolationException tooLong() {
        return new RuleViolationException("password", "account.password.too_long",
                "password must be at most " + MAX_LENGTH + " characters");
    }
}
