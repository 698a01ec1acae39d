package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.SigningKeyStore;
import java.time.Instant;
import java.util.List;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link SigningKeyStore} on PostgreSQL. Rotations are serialised with a transaction-scoped advisory lock, so
 * replicas that decide to rotate at the same moment make one new key, not one each.
 */
final class JdbiSigningKeyStore implements SigningKeyStore {
    /** An arbitrary constant naming "signing-key rotation" among advisory locks. */
    private static final long ROTATION_LOCK = 0x616c6d616e61634bL;

    private final Jdbi jdbi;

    JdbiSigningKeyStore(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public List<StoredKey> all() {
        return jdbi.withHandle(handle -> handle.createQuery("""
                        select kid, algorithm, public_key, wrapped_private_key, created_at, active_from
                          from signing_keys
                         order by created_at, kid
                        """)
                .map((rs, ctx) -> new StoredKey(rs.getString("kid"), rs.getString("algorithm"),
                        rs.getBytes("public_key"), rs.getBytes("wrapped_private_key"),
                        SqlValues.instant(rs, "created_at"), SqlValues.instant(rs, "active_from")))
                .list());
    }

    @Override
    public boolean addUnlessCreatedAfter(StoredKey key, Instant createdAfter) {
        return jdbi.inTransaction(handle -> {
            handle.execute("select pg_advisory_xact_lock(?)", ROTATION_LOCK);
            return handle.createUpdate("""
                            insert into signing_keys (kid, algorithm, public_key, wrapped_private_key, created_at,
                                                      active_from)
                            select :kid, :algorithm, :publicKey, :wrapped, :createdAt, :activeFrom
                             where not exists (select 1 from signing_keys where created_at > :createdAfter)
                            """)
                    .bind("kid", key.kid())
                    .bind("algorithm", key.algorithm())
                    .bind("publicKey", key.publicKey())
                    .bind("wrapped", key.wrappedPrivateKey())
                    .bind("createdAt", utc(key.createdAt()))
                    .bind("activeFrom", utc(key.activeFrom()))
                    .bind("createdAfter", utc(createdAfter))
                    .execute() == 1;
        });
    }

    @Override
    public void remove(String kid) {
        jdbi.useHandle(handle -> handle.createUpdate("delete from signing_keys where kid = :kid")
                .bind("kid", kid).execute());
    }

    @Override
    public String toString() {
        return "JdbiSigningKeyStore";
    }
}
