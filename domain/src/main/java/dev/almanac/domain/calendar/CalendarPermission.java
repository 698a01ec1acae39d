package dev.almanac.domain.calendar;

/** What an actor may do with a calendar and its events. */
public enum CalendarPermission {
    /** See the calendar and its events. */
    READ,
    /** Create, change and delete events. */
    WRITE_EVENTS,
    /** Rename, re-zone or delete the calendar itself. */
    MANAGE
}
