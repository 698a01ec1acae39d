package dev.almanac.adapter.persistence;

import java.sql.SQLException;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/** Recognises PostgreSQL's unique-violation error (SQLSTATE 23505) for one named constraint. */
final class UniqueViolation {
    private static final String UNIQUE_VIOLATION = "23505";

    private UniqueViolation() {
    }

    static boolean of(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                ServerErrorMessage detail = sql instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
                return detail != null && constraint.equals(detail.getConstraint());
            }
        }
        return false;
    }
}
