package dev.almanac.domain.recurrence;

/**
 * How often a rule's periods come round (RFC 5545 {@code FREQ}). Only {@link #DAILY} to {@link #YEARLY} are
 * accepted: {@code SECONDLY}, {@code MINUTELY} and {@code HOURLY} are refused (see ADR 0020).
 */
public enum Frequency {
    DAILY, WEEKLY, MONTHLY, YEARLY
}
