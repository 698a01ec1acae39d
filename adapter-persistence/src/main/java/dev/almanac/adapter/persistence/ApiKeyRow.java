package dev.almanac.adapter.persistence;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.apikey.ApiKeyName;
import dev.almanac.domain.apikey.Scope;
import dev.almanac.domain.apikey.Scopes;
import dev.almanac.domain.security.SecretHash;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.UUID;

/** One row of {@code api_keys}, and the explicit mapping between it, the domain and JDBC. */
record ApiKeyRow(UUID id, UUID accountId, String name, String prefix, String secretHash, String[] scopes,
                 Instant createdAt, Instant expiresAt, Instant lastUsedAt, Instant revokedAt, long version) {

    static final String COLUMNS = "id, account_id, name, prefix, secret_hash, scopes, created_at, expires_at, "
            + "last_used_at, revoked_at, version";

    static ApiKeyRow from(ApiKey k) {
        return new ApiKeyRow(k.id().value(), k.account().value(), k.name().value(), k.prefix(), k.secretHash().hex(),
                k.scopes().wireNames().toArray(String[]::new), k.createdAt(), k.expiresAt().orElse(null),
                k.lastUsedAt().orElse(null), k.revokedAt().orElse(null), k.version());
    }

    static ApiKeyRow read(ResultSet rs) throws SQLException {
        Array scopes = rs.getArray("scopes");
        try {
            return new ApiKeyRow(rs.getObject("id", UUID.class), rs.getObject("account_id", UUID.class),
                    rs.getString("name"), rs.getString("prefix"), rs.getString("secret_hash"),
                    (String[]) scopes.getArray(), SqlValues.instant(rs, "created_at"), optional(rs, "expires_at"),
                    optional(rs, "last_used_at"), optional(rs, "revoked_at"), rs.getLong("version"));
        } finally {
            scopes.free();
        }
    }

    ApiKey toDomain() {
        EnumSet<Scope> granted = EnumSet.noneOf(Scope.class);
        Arrays.stream(scopes).forEach(name -> granted.add(Scope.named(name)
                .orElseThrow(() -> new IllegalStateException("stored scope unknown to this version: " + name))));
        return new ApiKey(new ApiKeyId(id), new AccountId(accountId), new ApiKeyName(name), prefix,
                new SecretHash(secretHash), new Scopes(granted), createdAt, Optional.ofNullable(expiresAt),
                Optional.ofNullable(lastUsedAt), Optional.ofNullable(revokedAt), version);
    }

    private static Instant optional(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
