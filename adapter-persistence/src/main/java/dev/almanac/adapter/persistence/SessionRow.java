package dev.almanac.adapter.persistence;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.UUID;

/** One row of {@code sessions}, and the explicit mapping between it, the domain and JDBC. */
record SessionRow(UUID id, UUID accountId, String currentToken, String ip, String userAgent, Instant createdAt,
                  Instant lastUsedAt, Instant expiresAt, Instant revokedAt) {

    static final String COLUMNS = "id, account_id, current_token, ip, user_agent, created_at, last_used_at, "
            + "expires_at, revoked_at";

    static SessionRow from(Session s) {
        return new SessionRow(s.id().value(), s.account().value(), s.currentToken().hex(), s.client().ip(),
                s.client().userAgent(), s.createdAt(), s.lastUsedAt(), s.expiresAt(), s.revokedAt().orElse(null));
    }

    static SessionRow read(ResultSet rs) throws SQLException {
        OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
        return new SessionRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                rs.getString("current_token"), rs.getString("ip"), rs.getString("user_agent"),
                SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "last_used_at"),
                SqlValues.instant(rs, "expires_at"), revoked == null ? null : revoked.toInstant());
    }

    Session toDomain() {
        return new Session(new SessionId(id), new AccountId(accountId), new SecretHash(currentToken),
                new Client(ip, userAgent), createdAt, lastUsedAt, expiresAt, Optional.ofNullable(revokedAt));
    }
}
