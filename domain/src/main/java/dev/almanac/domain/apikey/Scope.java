package dev.almanac.domain.apikey;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One thing an API key may be allowed to do. Every route that a key may call names exactly one scope; routes that
 * manage the account itself (its API keys, its sessions, its password) name none and refuse keys altogether.
 *
 * <p>Adding a scope is a wire change: the name is what clients send and what the database holds (its check
 * constraint lists every name, so a new scope comes with a migration).
 */
public enum Scope {
    /** Read your account ({@code GET /v1/me}). */
    ACCOUNT_READ("account:read"),
    /** List and read calendars. */
    CALENDARS_READ("calendars:read"),
    /** Create, change and delete calendars. */
    CALENDARS_WRITE("calendars:write"),
    /** List and read events, the window query, and the iCalendar export. */
    EVENTS_READ("events:read"),
    /** Create, change and delete events, and the iCalendar import. */
    EVENTS_WRITE("events:write"),
    /** Create and revoke subscription feeds (each feed URL reads the calendar's events without a credential). */
    FEEDS_WRITE("feeds:write");

    private final String wireName;

    Scope(String wireName) {
        this.wireName = wireName;
    }

    /** The name on the wire and in storage, e.g. {@code events:write}. */
    public String wireName() {
        return wireName;
    }

    /** The scope with this exact wire name (case matters). */
    public static Optional<Scope> named(String wireName) {
        return Arrays.stream(values()).filter(s -> s.wireName.equals(wireName)).findFirst();
    }

    /** Every wire name, in declaration order. */
    public static List<String> wireNames() {
        return Arrays.stream(values()).map(Scope::wireName).toList();
    }

    @Override
    public String toString() {
        return wireName;
    }
}
