package dev.almanac.adapter.persistence;

import static java.util.Objects.requireNonNull;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * One autocommit statement on a pooled connection through plain JDBC, for the few statements every request of a
 * hot route runs (reading an event with its calendar, creating an event). Jdbi's statement machinery (named
 * parameters, argument factories looked up per binding, the handle's own set-up and clean-up) was about 13 % of
 * the service's CPU on those routes, more than the driver's own work (docs/benchmarks.md). Everything else keeps
 * using Jdbi; the SQL stays in the open either way.
 *
 * <p>Each statement takes a connection of its own from the pool, so it never joins a transaction a Jdbi handle
 * holds on the same thread: use it only for statements that are a whole unit of work by themselves (today:
 * {@code EventRepository.inCalendar} and {@code add(CalendarId, Scheduling)}, which no use case calls inside
 * another repository's transaction).
 *
 * <p>A failure comes out as a {@link DirectStatementException} whose cause is the driver's
 * {@link SQLException}, so a database out of reach still answers 503 (the HTTP adapter looks at the causes).
 */
final class DirectStatements {
    /** Binds a statement's parameters, by position. */
    @FunctionalInterface
    interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    /** Reads the current row. */
    @FunctionalInterface
    interface RowReader<T> {
        T read(ResultSet row) throws SQLException;
    }

    /** A statement that failed; the cause is the driver's exception. */
    static final class DirectStatementException extends RuntimeException {
        DirectStatementException(String what, SQLException cause) {
            super(what + " failed: " + cause.getMessage(), cause);
        }
    }

    private final DataSource pool;

    DirectStatements(DataSource pool) {
        this.pool = requireNonNull(pool, "pool");
    }

    /** The first row {@code sql} answers, if any; {@code what} names the statement in a failure. */
    <T> Optional<T> first(String what, String sql, Binder binder, RowReader<T> reader) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? Optional.of(reader.read(rows)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new DirectStatementException(what, e);
        }
    }

    /** The number of rows {@code sql} changed. */
    int update(String what, String sql, Binder binder) {
        try (Connection connection = pool.getConnection();
             PreparedStatement statement = connection.prepareStatement(sql)) {
            binder.bind(statement);
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new DirectStatementException(what, e);
        }
    }
}
