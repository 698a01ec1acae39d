package dev.almanac.domain.recurrence;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;

/** The RFC 5545 text forms a rule uses: basic dates, date-times and two-letter weekdays. */
final class RuleText {
    static final DateTimeFormatter BASIC_DATE =
            DateTimeFormatter.ofPattern("uuuuMMdd").withResolverStyle(ResolverStyle.STRICT);
    static final DateTimeFormatter BASIC_DATE_TIME =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss").withResolverStyle(ResolverStyle.STRICT);
    private static final String[] DAY_CODES = {"MO", "TU", "WE", "TH", "FR", "SA", "SU"};

    private RuleText() {
    }

    static String dayCode(DayOfWeek day) {
        return DAY_CODES[day.ordinal()];
    }

    static DayOfWeek day(String code, String part) {
        for (int i = 0; i < DAY_CODES.length; i++) {
            if (DAY_CODES[i].equals(code)) {
                return DayOfWeek.of(i + 1);
            }
        }
        throw invalid(part, "'" + shown(code) + "' is not a weekday (MO, TU, WE, TH, FR, SA, SU)");
    }

    static LocalDate date(String text, String part) {
        try {
            return LocalDate.parse(text, BASIC_DATE);
        } catch (DateTimeParseException e) {
            throw invalid(part, "'" + shown(text) + "' is not a date such as 20261231");
        }
    }

    static LocalDateTime dateTime(String text, String part) {
        try {
            return LocalDateTime.parse(text, BASIC_DATE_TIME);
        } catch (DateTimeParseException e) {
            throw invalid(part, "'" + shown(text) + "' is not a date-time such as 20261231T235959");
        }
    }

    static RuleViolationException invalid(String part, String message) {
        return new RuleViolationException(part, "event.recurrence.invalid_value", part + ": " + message);
    }

    /** Client text safe to echo back in a message: short, no control characters. */
    static String shown(String text) {
        String cut = text.length() > 40 ? text.substring(0, 40) + "…" : text;
        return cut.replaceAll("\\p{Cntrl}", "?");
    }
}
