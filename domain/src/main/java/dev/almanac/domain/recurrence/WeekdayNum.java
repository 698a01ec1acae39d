package dev.almanac.domain.recurrence;

import static java.util.Objects.requireNonNull;

import java.time.DayOfWeek;

/**
 * One {@code BYDAY} entry: a weekday, optionally with an ordinal ({@code 2MO} the second Monday, {@code -1FR} the
 * last Friday of the month or year). An ordinal of 0 means every such weekday.
 */
public record WeekdayNum(int ordinal, DayOfWeek day) {
    public WeekdayNum {
        requireNonNull(day, "day");
        if (ordinal < -53 || ordinal > 53) {
            throw new IllegalArgumentException("ordinal out of range: " + ordinal);
        }
    }

    String format() {
        return (ordinal == 0 ? "" : Integer.toString(ordinal)) + RuleText.dayCode(day);
    }
}
