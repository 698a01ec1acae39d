package dev.almanac.domain.shared;

/**
 * Checks for the free text the domain accepts. Every check names the field and uses codes of the form
 * {@code <prefix>.blank}, {@code <prefix>.too_long}, {@code <prefix>.control_characters},
 * {@code <prefix>.invalid_characters}.
 *
 * <p>Lengths are counted in Unicode code points, so an emoji counts as one character, as a person would count it.
 * White space means every Unicode space (including no-break spaces), not only ASCII. Text that is not valid
 * Unicode (a lone surrogate) is refused rather than stored as something else.
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
        String trimmed = value == null ? "" : trim(value);
        if (trimmed.isEmpty()) {
            throw new RuleViolationException(field, codePrefix + ".blank", field + " must not be blank");
        }
        checkLength(trimmed, max, field, codePrefix);
        checkUnicode(trimmed, field, codePrefix);
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
        if (value == null || trim(value).isEmpty()) {
            return "";
        }
        checkLength(value, max, field, codePrefix);
        checkUnicode(value, field, codePrefix);
        if (value.codePoints().anyMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\r' && c != '\t')) {
            throw new RuleViolationException(field, codePrefix + ".control_characters",
                    field + " must not contain control characters other than tabs and line breaks");
        }
        return value;
    }

    /** Whether {@code value} is empty or only white space of any kind (no-break and ideographic spaces too). */
    public static boolean isBlank(String value) {
        return value == null || value.codePoints().allMatch(Text::isSpace);
    }

    /** {@code value} without leading and trailing white space of any kind. */
    public static String trim(String value) {
        int start = 0;
        int end = value.length();
        while (start < end && isSpace(value.codePointAt(start))) {
            start += Character.charCount(value.codePointAt(start));
        }
        while (end > start && isSpace(value.codePointBefore(end))) {
            end -= Character.charCount(value.codePointBefore(end));
        }
        return value.substring(start, end);
    }

    /** Whether every UTF-16 surrogate in {@code value} is half of a pair, i.e. the text is valid Unicode. */
    public static boolean isWellFormed(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < value.length() && Character.isLowSurrogate(value.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    private static boolean isSpace(int codePoint) {
        return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint);
    }

    private static void checkUnicode(String value, String field, String codePrefix) {
        if (!isWellFormed(value)) {
            throw new RuleViolationException(field, codePrefix + ".invalid_characters",
                    field + " must be valid Unicode text (it contains a lone surrogate)");
        }
    }

    private static void checkLength(String value, int max, String field, String codePrefix) {
        if (value.length() > max && value.codePointCount(0, value.length()) > max) {
            throw new RuleViolationException(field, codePrefix + ".too_long",
                    field + " must be at most " + max + " characters");
        }
    }
}
