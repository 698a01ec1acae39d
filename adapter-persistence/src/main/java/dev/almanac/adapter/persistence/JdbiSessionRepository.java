package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.SessionRepository;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RefreshOutcome;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link SessionRepository} on PostgreSQL. A change locks the session row ({@code for update}), so two refreshes
 * of one family are serialised: the second sees the first's rotation and is treated as reuse. The new token's
 * hash and the session's new state are written in the same transaction; if it does not commit, the old token
 * still works.
 */
final class JdbiSessionRepository implements SessionRepository {
    /**
     * Whether a session lives, and until when: one look-up by the primary key of {@code sessions}, with the
     * account joined by its primary key (a session row cannot outlive its account, the foreign key cascades; the
     * join keeps that true even if it ever could). Asked on every authenticated request that
     * {@link LiveSessions} cannot answer.
     */
    static final String LIVE_SQL = """
            select s.expires_at
              from sessions s join accounts a on a.id = s.account_id
             where s.id = :session and s.account_id = :account
               and s.revoked_at is null and s.expires_at > :now
            """;

    private final Jdbi jdbi;
    private final LiveSessions live;

    JdbiSessionRepository(Jdbi jdbi, LiveSessions live) {
        this.jdbi = jdbi;
        this.live = live;
    }

    @Override
    public void add(Session session) {
        SessionRow row = SessionRow.from(session);
        jdbi.useTransaction(handle -> {
            handle.createUpdate("""
                            insert into sessions (id, account_id, current_token, ip, user_agent, created_at,
                                                  last_used_at, expires_at, revoked_at)
                            values (:id, :accountId, :currentToken, :ip, :userAgent, :createdAt, :lastUsedAt,
                                    :expiresAt, :revokedAt)
                            """)
                    .bind("id", row.id())
                    .bind("accountId", row.accountId())
                    .bind("currentToken", row.currentToken())
                    .bind("ip", row.ip())
                    .bind("userAgent", row.userAgent())
                    .bind("createdAt", utc(row.createdAt()))
                    .bind("lastUsedAt", utc(row.lastUsedAt()))
                    .bind("expiresAt", utc(row.expiresAt()))
                    .bind("revokedAt", row.revokedAt() == null ? null : utc(row.revokedAt()))
                    .execute();
            remember(handle, session, session.createdAt());
        });
    }

    @Override
    public Optional<Session> byId(SessionId id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + SessionRow.COLUMNS + " from sessions where id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> SessionRow.read(rs))
                .findOne()
                .map(SessionRow::toDomain));
    }

    @Override
    public List<Session> active(AccountId account, Instant now) {
        return jdbi.withHandle(handle -> handle.createQuery("select " + SessionRow.COLUMNS + """
                         from sessions
                        where account_id = :account and revoked_at is null and expires_at > :now
                        order by last_used_at desc, id desc
                        """)
                .bind("account", account.value())
                .bind("now", utc(now))
                .map((rs, ctx) -> SessionRow.read(rs).toDomain())
                .list());
    }

    /*
     * A session this replica ends is forgotten by its LiveSessions at once and again at the commit
     * (LiveSessions.forgetNowAndAtCommit), before the caller answers its client: the notification (V11) tells the
     * other replicas, and this one too, but a moment later.
     */

    @Override
    public Optional<RefreshOutcome> refresh(SecretHash presented, Function<Session, RefreshOutcome> decide) {
        return live.forgettingAllIfItFails(() -> jdbi.inTransaction(handle ->
                lockByToken(handle, presented).map(current -> {
                    RefreshOutcome decided = decide.apply(current);
                    saveForgettingIfEnded(handle, decided.session());
                    return decided;
                })));
    }

    @Override
    public Optional<Session> updateByToken(SecretHash anyToken, UnaryOperator<Session> change) {
        return live.forgettingAllIfItFails(() -> jdbi.inTransaction(handle ->
                lockByToken(handle, anyToken).map(current -> {
                    Session next = change.apply(current);
                    saveForgettingIfEnded(handle, next);
                    return next;
                })));
    }

    @Override
    public Optional<Session> update(SessionId id, UnaryOperator<Session> change) {
        return live.forgettingAllIfItFails(() -> jdbi.inTransaction(handle -> handle.createQuery(
                        "select " + SessionRow.COLUMNS + " from sessions where id = :id for update")
                .bind("id", id.value())
                .map((rs, ctx) -> SessionRow.read(rs).toDomain())
                .findOne()
                .map(current -> {
                    Session changed = change.apply(current);
                    saveForgettingIfEnded(handle, changed);
                    return changed;
                })));
    }

    @Override
    public int revokeAll(AccountId account, Optional<SessionId> keep, Instant now) {
        return live.forgettingAllIfItFails(() -> jdbi.withHandle(handle -> {
            int revoked = revokeAll(handle, account, keep, now);
            live.forgetNowAndAtCommit(handle, live::forgetAll);
            return revoked;
        }));
    }

    /** A rotation ends nothing (the trigger says nothing either); a revocation is forgotten. */
    private void saveForgettingIfEnded(Handle handle, Session session) {
        save(handle, session);
        if (session.revokedAt().isPresent()) {
            live.forgetNowAndAtCommit(handle, () -> live.ended(session.id().value()));
        }
    }

    /** The revocation of {@link #revokeAll}, inside a transaction someone else holds (a password change). */
    static int revokeAll(Handle handle, AccountId account, Optional<SessionId> keep, Instant now) {
        return handle.createUpdate("""
                        update sessions set revoked_at = greatest(:now, created_at)
                         where account_id = :account and revoked_at is null and expires_at > :now
                           and id is distinct from cast(:keep as uuid)
                        """)
                .bind("account", account.value())
                .bind("now", utc(now))
                .bind("keep", keep.map(SessionId::value).orElse(null))
                .execute();
    }

    /** Answered from {@link LiveSessions} when it knows, else by {@link #LIVE_SQL}, whose "alive" it remembers. */
    @Override
    public boolean isLive(SessionId session, AccountId account, Instant now) {
        if (live.knownAlive(session.value(), account.value(), now)) {
            return true;
        }
        long generation = live.generation();
        Optional<Instant> expiresAt = jdbi.withHandle(handle -> handle.createQuery(LIVE_SQL)
                .bind("session", session.value())
                .bind("account", account.value())
                .bind("now", utc(now))
                .map((rs, ctx) -> SqlValues.instant(rs, "expires_at"))
                .findOne());
        expiresAt.ifPresent(until -> live.remember(session.value(), account.value(), until, generation));
        return expiresAt.isPresent();
    }

    private static Optional<Session> lockByToken(Handle handle, SecretHash token) {
        return handle.createQuery("""
                        select s.id, s.account_id, s.current_token, s.ip, s.user_agent, s.created_at, s.last_used_at,
                               s.expires_at, s.revoked_at
                         from refresh_tokens t join sessions s on s.id = t.session_id
                        where t.token_hash = :hash
                          for update of s
                        """)
                .bind("hash", token.hex())
                .map((rs, ctx) -> SessionRow.read(rs).toDomain())
                .findOne();
    }

    private static void save(Handle handle, Session session) {
        SessionRow row = SessionRow.from(session);
        int changed = handle.createUpdate("""
                        update sessions
                           set current_token = :currentToken, ip = :ip, user_agent = :userAgent,
                               last_used_at = :lastUsedAt, revoked_at = :revokedAt
                         where id = :id
                        """)
                .bind("id", row.id())
                .bind("currentToken", row.currentToken())
                .bind("ip", row.ip())
                .bind("userAgent", row.userAgent())
                .bind("lastUsedAt", utc(row.lastUsedAt()))
                .bind("revokedAt", row.revokedAt() == null ? null : utc(row.revokedAt()))
                .execute();
        if (changed != 1) {
            throw new IllegalStateException("session " + session.id() + " vanished inside its own transaction");
        }
        remember(handle, session, session.lastUsedAt());
    }

    private static void remember(Handle handle, Session session, Instant issuedAt) {
        handle.createUpdate("""
                        insert into refresh_tokens (token_hash, session_id, issued_at)
                        values (:hash, :session, :issuedAt)
                        on conflict (token_hash) do nothing
                        """)
                .bind("hash", session.currentToken().hex())
                .bind("session", session.id().value())
                .bind("issuedAt", utc(issuedAt))
                .execute();
    }
}
