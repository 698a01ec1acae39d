package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.ApiKeyRepository;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ApiKeyRepository} on PostgreSQL: table {@code api_keys}. A new key is counted against its account's limit
 * under a lock on the account row, so racing creations queue up instead of passing the limit together. A change
 * is written only where the version is still the one read (optimistic locking); recording use is a single
 * conditional update that leaves the version alone.
 */
final class JdbiApiKeyRepository implements ApiKeyRepository {
    private final Jdbi jdbi;

    JdbiApiKeyRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(ApiKey key, int limit) {
        ApiKeyRow row = ApiKeyRow.from(key);
        jdbi.useTransaction(handle -> {
            boolean accountExists = handle.createQuery("select 1 from accounts where id = :id for no key update")
                    .bind("id", row.accountId()).mapTo(Integer.class).findOne().isPresent();
            if (!accountExists) {
                throw new IllegalStateException("no account " + key.account());
            }
            int held = handle.createQuery(
                            "select count(*) from api_keys where account_id = :account and revoked_at is null")
                    .bind("account", row.accountId()).mapTo(Integer.class).one();
            if (held >= limit) {
                throw ApiKey.limitReached(limit);
            }
            handle.createUpdate("insert into api_keys (" + ApiKeyRow.COLUMNS + """
                            ) values (:id, :accountId, :name, :prefix, :secretHash, :scopes, :createdAt, :expiresAt,
                                      :lastUsedAt, :revokedAt, :version)
                            """)
                    .bind("id", row.id())
                    .bind("accountId", row.accountId())
                    .bind("name", row.name())
                    .bind("prefix", row.prefix())
                    .bind("secretHash", row.secretHash())
                    .bind("scopes", row.scopes())
                    .bind("createdAt", utc(row.createdAt()))
                    .bind("expiresAt", row.expiresAt() == null ? null : utc(row.expiresAt()))
                    .bind("lastUsedAt", row.lastUsedAt() == null ? null : utc(row.lastUsedAt()))
                    .bind("revokedAt", row.revokedAt() == null ? null : utc(row.revokedAt()))
                    .bind("version", row.version())
                    .execute();
        });
    }

    @Override
    public Optional<ApiKey> byId(ApiKeyId id) {
        return jdbi.withHandle(handle -> byId(handle, id));
    }

    @Override
    public Optional<ApiKey> bySecretHash(SecretHash hash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + ApiKeyRow.COLUMNS + " from api_keys where secret_hash = :hash")
                .bind("hash", hash.hex())
                .map((rs, ctx) -> ApiKeyRow.read(rs).toDomain())
                .findOne());
    }

    @Override
    public List<ApiKey> unrevoked(AccountId account) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + ApiKeyRow.COLUMNS + """
                         from api_keys
                        where account_id = :account and revoked_at is null
                        order by created_at desc, id desc
                        """)
                .bind("account", account.value())
                .map((rs, ctx) -> ApiKeyRow.read(rs).toDomain())
                .list());
    }

    @Override
    public Optional<ApiKey> update(ApiKeyId id, UnaryOperator<ApiKey> change) {
        return jdbi.inTransaction(handle -> byId(handle, id).map(read -> {
            ApiKey changed = change.apply(read);
            if (changed.equals(read)) {
                return read;
            }
            if (!changed.id().equals(id) || changed.version() != read.version() + 1) {
                throw new IllegalStateException("a change keeps the id and moves the version on by one");
            }
            ApiKeyRow row = ApiKeyRow.from(changed);
            int written = handle.createUpdate("""
                            update api_keys
                               set name = :name, scopes = :scopes, expires_at = :expiresAt, revoked_at = :revokedAt,
                                   version = :version
                             where id = :id and version = :readVersion
                            """)
                    .bind("id", row.id())
                    .bind("name", row.name())
                    .bind("scopes", row.scopes())
                    .bind("expiresAt", row.expiresAt() == null ? null : utc(row.expiresAt()))
                    .bind("revokedAt", row.revokedAt() == null ? null : utc(row.revokedAt()))
                    .bind("version", row.version())
                    .bind("readVersion", read.version())
                    .execute();
            if (written != 1) {
                throw new StaleVersionException("api_key", read.version());
            }
            return byId(handle, id).orElseThrow();
        }));
    }

    @Override
    public void recordUse(ApiKeyId id, Instant at) {
        jdbi.useHandle(handle -> handle.createUpdate("""
                        update api_keys set last_used_at = :at
                         where id = :id and (last_used_at is null or last_used_at < :at)
                        """)
                .bind("id", id.value())
                .bind("at", utc(at))
                .execute());
    }

    private static Optional<ApiKey> byId(Handle handle, ApiKeyId id) {
        return handle.createQuery("select " + ApiKeyRow.COLUMNS + " from api_keys where id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> ApiKeyRow.read(rs).toDomain())
                .findOne();
    }
}
