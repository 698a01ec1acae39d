package dev.almanac.bootstrap;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Marks an account's address verified straight in the database, for end-to-end tests about something else that
 * needs a verified account (feeds, API keys). The verification flow itself is tested for real, through SMTP, in
 * {@link MailDeliveryTest}.
 */
final class VerifiedByHand {
    private VerifiedByHand() {
    }

    static void verify(TestDatabase.Fresh database, String email) {
        try (Connection connection = database.dataSource().getConnection();
             PreparedStatement update = connection.prepareStatement(
                     "update accounts set status = 'ACTIVE' where email_normalized = lower(?)"
                             + " and status = 'PENDING_VERIFICATION'")) {
            update.setString(1, email);
            if (update.executeUpdate() != 1) {
                throw new IllegalStateException("no pending account " + email);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
