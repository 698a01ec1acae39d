package dev.almanac.adapter.persistence;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.AccountStatus;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code accounts}, and the explicit mapping between it, the domain and JDBC. */
record AccountRow(UUID id, String email, String emailNormalized, String displayName, String passwordHash,
                  String status, Instant createdAt) {

    static final String COLUMNS = "id, email, email_normalized, display_name, password_hash, status, created_at";

    static AccountRow from(Account account) {
        return new AccountRow(account.id().value(), account.email().value(), account.email().normalized(),
                account.displayName().value(), account.passwordHash().encoded(), account.status().name(),
                account.createdAt());
    }

    static AccountRow read(ResultSet rs) throws SQLException {
        return new AccountRow(rs.getObject("id", UUID.class), rs.getString("email"),
                rs.getString("email_normalized"), rs.getString("display_name"), rs.getString("password_hash"),
                rs.getString("status"), SqlValues.instant(rs, "created_at"));
    }

    Account toDomain() {
        return new Account(new AccountId(id), EmailAddress.of(email), new DisplayName(displayName),
                new PasswordHash(passwordHash), AccountStatus.valueOf(status), createdAt);
    }
}
