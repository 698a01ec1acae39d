package dev.almanac.domain.shared;

/**
 * Checks for the free text the domain accepts. Every check names the field and uses codes of the form
 * {@code <prefix>.blank}, {@code <prefix>.too_long}, {@code <prefix>.control_characters}.
 *
 * <p>Lengths are counted in Unicode code points, so an emoji counts as one character, as a person would count it.
 */
public final class Text {
    private Text() {
    }

    /**
     * A single-line label: trimmed, 1..max code points, no control characters at all.
     *
     * @return the trimmed value
     */
    public static String label(String value, int max, String field, String codePrefix) {
        if (value == null || value.isBlank()) {
            throw new RuleViolationException(field, codePrefix + ".blank", field + " must not be blank");
        }
        String trimmed = value.strip();
        checkLength(trimmed, max, field, codePrefix);
        if (trimmed.codePoints().anyMatch(Character::isISOControl)) {
            throw new RuleViolationException(field, codePrefix + ".control_characters",
                    field + " must not contain control characters");
        }
        return trimmed;
    }

    /**
     * Optional multi-line prose: at most max code points; tabs and line breaks allowed, other control
     * characters refused. {@code null} and blank become the empty string.
     */
    public static String prose(String value, int max, String field, String codePrefix) {
        if (value == null || value.isBlank()) {
            return "";
        }
        checkLength(value, max, field, codePrefix);
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new RuleViolationException(field, codePrefix + ".control_characters",
                    field + " must not contain control characters other than tabs and line breaks");
        }
        return value;
    }

    private static void checkLength(String value, int max, String field, String codePrefix) {
        if (value.length() > max && value.codePointCount(0, value.length()) > max) {
            throw new RuleViolationException(field, codePrefix + ".too_long",
                    field + " must be at most " + max + " characters");
        }
    }
}
