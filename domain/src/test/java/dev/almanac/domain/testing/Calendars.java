package dev.almanac.domain.testing;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import java.time.Instant;
import java.time.ZoneId;

/** Builds calendars for tests: {@code Calendars.aCalendar().ownedBy(id).inZone("Europe/Berlin").build()}. */
public final class Calendars {
    private CalendarId id = Ids.calendar(1);
    private AccountId owner = Ids.account(1);
    private String name = "Work";
    private String description = "";
    private String zone = "Europe/Berlin";
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");
    private long version;

    private Calendars() {
    }

    public static Calendars aCalendar() {
        return new Calendars();
    }

    public Calendars withId(CalendarId value) {
        this.id = value;
        return this;
    }

    public Calendars ownedBy(AccountId value) {
        this.owner = value;
        return this;
    }

    public Calendars named(String value) {
        this.name = value;
        return this;
    }

    public Calendars describedAs(String value) {
        this.description = value;
        return this;
    }

    public Calendars inZone(String value) {
        this.zone = value;
        return this;
    }

    public Calendars createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    public Calendars atVersion(long value) {
        this.version = value;
        return this;
    }

    public Calendar build() {
        return Calendar.create(id, owner, name, description, ZoneId.of(zone), createdAt).atVersion(version);
    }
}
