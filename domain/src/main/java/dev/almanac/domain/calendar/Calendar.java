package dev.almanac.domain.calendar;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.Text;
import dev.almanac.domain.shared.Violations;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

/**
 * A named collection of events owned by one account, with the time zone its all-day events are anchored in.
 *
 * <p>Immutable: every change returns a new value. {@code version} is the optimistic-locking version the
 * calendar was read at; repositories bump it when they store a change.
 *
 * @param name        1..200 characters after trimming, no control characters
 * @param description at most 10,000 characters; empty when there is none
 * @param timeZone    an IANA zone; all-day events of the calendar are anchored there
 */
public record Calendar(CalendarId id, AccountId owner, String name, String description, ZoneId timeZone,
                       long version, Instant createdAt, Instant updatedAt) {

    public static final int NAME_MAX = 200;
    public static final int DESCRIPTION_MAX = 10_000;

    public Calendar {
        requireNonNull(id, "id");
        requireNonNull(owner, "owner");
        var violations = new Violations();
        String rawName = name;
        String rawDescription = description;
        String checkedName = violations.check(() -> checkName(rawName));
        String checkedDescription = violations.check(() -> checkDescription(rawDescription));
        violations.throwIfAny("The calendar cannot be saved as given");
        name = checkedName;
        description = checkedDescription;
        requireNonNull(timeZone, "timeZone");
        requireNonNull(createdAt, "createdAt");
        requireNonNull(updatedAt, "updatedAt");
        if (version < 0) {
            throw new IllegalArgumentException("version must not be negative");
        }
        if (updatedAt.isBefore(createdAt)) {
            throw new IllegalArgumentException("updatedAt must not be before createdAt");
        }
    }

    /** The name rule: 1..200 characters after trimming, no control characters. Returns the trimmed name. */
    public static String checkName(String name) {
        return Text.label(name, NAME_MAX, "name", "calendar.name");
    }

    /** The description rule: at most 10,000 characters, line breaks allowed; blank becomes empty. */
    public static String checkDescription(String description) {
        return Text.prose(description, DESCRIPTION_MAX, "description", "calendar.description");
    }

    /** Creates a new calendar at version 0. */
    public static Calendar create(CalendarId id, AccountId owner, String name, String description,
                                  ZoneId timeZone, Instant now) {
        return new Calendar(id, owner, name, description, timeZone, 0, now, now);
    }

    /** The role {@code actor} holds on this calendar, if any. */
    public Optional<CalendarRole> roleOf(AccountId actor) {
        return owner.equals(actor) ? Optional.of(CalendarRole.OWNER) : Optional.empty();
    }

    /**
     * Demands a permission. An actor with no role at all is told the calendar does not exist, so calendar ids
     * leak nothing; an actor with a role that lacks the permission is told so.
     *
     * @throws NotFoundException  when the actor holds no role
     * @throws ForbiddenException when the role lacks the permission
     */
    public void require(AccountId actor, CalendarPermission permission) {
        CalendarRole role = roleOf(actor).orElseThrow(() -> notFound(id));
        if (!role.grants(permission)) {
            throw new ForbiddenException("calendar.forbidden",
                    "Your role on this calendar does not allow " + permission.name().toLowerCase().replace('_', ' '));
        }
    }

    /**
     * The same calendar with new details. Fields left {@code null} keep their value. A revision that changes
     * nothing returns this very calendar, so nothing is stored and the version stays.
     */
    public Calendar revise(String newName, String newDescription, ZoneId newTimeZone, Instant now) {
        var revised = new Calendar(id, owner,
                newName != null ? newName : name,
                newDescription != null ? newDescription : description,
                newTimeZone != null ? newTimeZone : timeZone,
                version, createdAt, updatedAt);
        if (revised.equals(this)) {
            return this;
        }
        return new Calendar(id, owner,
                newName != null ? newName : name,
                newDescription != null ? newDescription : description,
                newTimeZone != null ? newTimeZone : timeZone,
                version, createdAt, later(now));
    }

    /** The same calendar as stored at {@code newVersion}. */
    public Calendar atVersion(long newVersion) {
        return new Calendar(id, owner, name, description, timeZone, newVersion, createdAt, updatedAt);
    }

    private Instant later(Instant now) {
        requireNonNull(now, "now");
        return now.isBefore(createdAt) ? createdAt : now;
    }

    public static NotFoundException notFound(CalendarId id) {
        return new NotFoundException("calendar.not_found", "No calendar " + id + " that you can see");
    }
}
