package dev.almanac.adapter.persistence;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/** One row of {@code calendars}, and the explicit mapping between it, the domain and JDBC. */
record CalendarRow(UUID id, UUID ownerId, String name, String description, String timeZone, long version,
                   Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, owner_id, name, description, time_zone, version, created_at, updated_at";

    static CalendarRow from(Calendar calendar) {
        return new CalendarRow(calendar.id().value(), calendar.owner().value(), calendar.name(),
                calendar.description(), calendar.timeZone().getId(), calendar.version(), calendar.createdAt(),
                calendar.updatedAt());
    }

    static CalendarRow read(ResultSet rs) throws SQLException {
        return new CalendarRow(rs.getObject("id", UUID.class), rs.getObject("owner_id", UUID.class),
                rs.getString("name"), rs.getString("description"), rs.getString("time_zone"),
                rs.getLong("version"), SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "updated_at"));
    }

    Calendar toDomain() {
        return new Calendar(new CalendarId(id), new AccountId(ownerId), name, description, ZoneId.of(timeZone),
                version, createdAt, updatedAt);
    }
}
