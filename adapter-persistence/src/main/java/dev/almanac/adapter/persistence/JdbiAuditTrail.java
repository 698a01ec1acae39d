package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link AuditTrail} on PostgreSQL, in the append-only {@code audit_log} table (V8). {@link #recordWith} opens a
 * transaction and runs the change inside it: the repositories share this adapter's {@link Jdbi}, whose nested calls
 * on one thread reuse the outer handle, so the change's statements and the entry's insert commit or roll back
 * together.
 */
final class JdbiAuditTrail implements AuditTrail {
    private static final String COLUMNS =
            "id, occurred_at, event, outcome, actor_id, ip, user_agent, request_id, subject";

    private final Jdbi jdbi;

    JdbiAuditTrail(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void record(AuditEntry entry) {
        jdbi.useTransaction(handle -> insert(handle, entry));
    }

    @Override
    public <T> T recordWith(Supplier<T> change, Function<? super T, Optional<AuditEntry>> entryFor) {
        return jdbi.inTransaction(handle -> {
            T result = change.get();
            entryFor.apply(result).ifPresent(entry -> insert(handle, entry));
            return result;
        });
    }

    @Override
    public List<AuditEntry> of(AccountId actor, Optional<Cursor> after, int limit) {
        String sql = "select " + COLUMNS + " from audit_log where actor_id = :actor"
                + (after.isPresent() ? " and (occurred_at, id) < (:afterAt, :afterId)" : "")
                + " order by occurred_at desc, id desc limit :limit";
        return jdbi.withHandle(handle -> {
            Query query = handle.createQuery(sql).bind("actor", actor.value()).bind("limit", limit);
            after.ifPresent(cursor -> query.bind("afterAt", utc(cursor.at())).bind("afterId", cursor.id()));
            return query.map((rs, ctx) -> read(rs)).list();
        });
    }

    @Override
    public int forgetPersonalData(AccountId actor) {
        return jdbi.withHandle(handle -> handle.createUpdate("""
                        update audit_log set ip = null, user_agent = null, subject = null
                         where actor_id = :actor and (ip is not null or subject is not null)
                        """)
                .bind("actor", actor.value())
                .execute());
    }

    private static void insert(Handle handle, AuditEntry entry) {
        boolean forgotten = entry.client().equals(Client.UNKNOWN);
        handle.createUpdate("insert into audit_log (" + COLUMNS + ") values (:id, :at, :event, :outcome, "
                        + "cast(:actor as uuid), :ip, :userAgent, :requestId, :subject)")
                .bind("id", entry.id())
                .bind("at", utc(entry.at()))
                .bind("event", entry.event().code())
                .bind("outcome", entry.outcome().code())
                .bind("actor", entry.actor().map(AccountId::value).orElse(null))
                .bind("ip", forgotten ? null : entry.client().ip())
                .bind("userAgent", forgotten ? null : entry.client().userAgent())
                .bind("requestId", entry.requestId().value())
                .bind("subject", entry.subject().orElse(null))
                .execute();
    }

    private static AuditEntry read(ResultSet rs) throws SQLException {
        String ip = rs.getString("ip");
        Client client = ip == null ? Client.UNKNOWN : new Client(ip, rs.getString("user_agent"));
        return new AuditEntry(rs.getObject("id", UUID.class), AuditEvent.ofCode(rs.getString("event")),
                AuditOutcome.ofCode(rs.getString("outcome")),
                Optional.ofNullable(rs.getObject("actor_id", UUID.class)).map(AccountId::new),
                SqlValues.instant(rs, "occurred_at"), client, new RequestId(rs.getString("request_id")),
                Optional.ofNullable(rs.getString("subject")));
    }
}
