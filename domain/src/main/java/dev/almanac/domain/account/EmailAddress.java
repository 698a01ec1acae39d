package dev.almanac.domain.account;

import dev.almanac.domain.shared.RuleViolationException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An e-mail address as a person typed it, trimmed. Two addresses are the same account when their
 * {@link #normalized()} forms are equal (the whole address lower-cased), so {@code Ada@Example.org} and
 * {@code ada@example.org} cannot both sign up.
 *
 * <p>The check is deliberately practical rather than the full RFC 5322 grammar: one {@code @}, a local part of
 * at most 64 characters from the unquoted dot-atom set, a domain of dot-separated labels with a dot in it, at
 * most 254 characters in all, no white space or control characters (which also rules out header injection).
 */
public record EmailAddress(String value) {
    public static final int MAX_LENGTH = 254;
    private static final Pattern LOCAL = Pattern.compile("[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*");
    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?");

    public EmailAddress {
        if (value == null || value.isBlank()) {
            throw invalid("email.blank", "email must not be blank");
        }
        value = value.strip();
        if (value.length() > MAX_LENGTH) {
            throw invalid("email.too_long", "email must be at most " + MAX_LENGTH + " characters");
        }
        int at = value.lastIndexOf('@');
        if (at <= 0 || at != value.indexOf('@') || at == value.length() - 1) {
            throw invalid("email.invalid", "email must look like name@example.org");
        }
        String local = value.substring(0, at);
        String domain = value.substring(at + 1);
        if (local.length() > 64 || !LOCAL.matcher(local).matches() || !validDomain(domain)) {
            throw invalid("email.invalid", "email must look like name@example.org");
        }
    }

    public static EmailAddress of(String value) {
        return new EmailAddress(value);
    }

    /** The form used for uniqueness and look-up. */
    public String normalized() {
        return value.toLowerCase(Locale.ROOT);
    }

    private static boolean validDomain(String domain) {
        String[] labels = domain.split("\\.", -1);
        if (labels.length < 2) {
            return false;
        }
        for (String label : labels) {
            if (!LABEL.matcher(label).matches()) {
                return false;
            }
        }
        return true;
    }

    private static RuleViolationException invalid(String code, String message) {
        return new RuleViolationException("email", "account." + code, message);
    }

    @Override
    public String toString() {
        return value;
    }
}
