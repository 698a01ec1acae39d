package dev.almanac.adapter.persistence;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.UUID;
import java.util.stream.Collectors;

/** One row of {@code calendars}, and the explicit mapping between it, the domain and JDBC. */
record CalendarRow(UUID id, UUID ownerId, String name, String description, String timeZone, long version,
                   Instant createdAt, Instant updatedAt) {

    static final String COLUMNS = "id, owner_id, name, description, time_zone, version, created_at, updated_at";
    /** The columns of {@code calendars c} under names that cannot clash in a join: {@code c.id as c_id}, and so on. */
    static final String C_ALIASED = Arrays.stream(COLUMNS.split(", "))
            .map(column -> "c." + column + " as c_" + column)
            .collect(Collectors.joining(", "));

    static CalendarRow from(Calendar calendar) {
        return new CalendarRow(calendar.id().value(), calendar.owner().value(), calendar.name(),
                calendar.description(), calendar.timeZone().getId(), calendar.version(), calendar.createdAt(),
                calendar.updatedAt());
    }

    static CalendarRow read(ResultSet rs) throws SQLException {
        return read(rs, "");
    }

    /** Reads the columns as {@link #C_ALIASED} names them, with {@code prefix} "c_". */
    static CalendarRow read(ResultSet rs, String prefix) throws SQLException {
        return new CalendarRow(rs.getObject(prefix + "id", UUID.class), rs.getObject(prefix + "owner_id", UUID.class),
                rs.getString(prefix + "name"), rs.getString(prefix + "description"),
                rs.getString(prefix + "time_zone"), rs.getLong(prefix + "version"),
                SqlValues.instant(rs, prefix + "created_at"), SqlValues.instant(rs, prefix + "updated_at"));
    }

    Calendar toDomain() {
        return new Calendar(new CalendarId(id), new AccountId(ownerId), name, description, ZoneId.of(timeZone),
                version, createdAt, updatedAt);
    }
}
