package dev.almanac.application.port;

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

/**
 * Where sessions (refresh-token families) live. The store remembers the hash of every refresh token a session
 * ever had, so that an old one can be recognised when it comes back.
 *
 * <p>Each changing method is one transaction: the session is read and locked, changed by the given function and
 * written back, or nothing changes at all. A refresh that fails halfway (the database went away) therefore leaves
 * the presented token as it was, still usable.
 */
public interface SessionRepository {

    /** Stores a new session and remembers its first token. */
    void add(Session session);

    Optional<Session> byId(SessionId id);

    /** The account's sessions that are neither revoked nor expired at {@code now}, most recently used first. */
    List<Session> active(AccountId account, Instant now);

    /**
     * Finds the session that ever had a refresh token with this hash, lets {@code decide} choose the outcome,
     * stores the outcome's session (remembering its new current token) and returns the outcome; empty when no
     * session ever had the token.
     */
    Optional<RefreshOutcome> refresh(SecretHash presented, Function<Session, RefreshOutcome> decide);

    /** Changes the session that ever had this refresh token; empty when there is none. */
    Optional<Session> updateByToken(SecretHash anyToken, UnaryOperator<Session> change);

    /** Changes one session; empty when there is none. */
    Optional<Session> update(SessionId id, UnaryOperator<Session> change);

    /**
     * Revokes every active session of the account as of {@code now}, all in one statement, except {@code keep}
     * when given; returns how many were revoked.
     */
    int revokeAll(AccountId account, Optional<SessionId> keep, Instant now);

    /**
     * Whether {@code session} exists, belongs to {@code account} (which therefore still exists) and is neither
     * revoked nor expired at {@code now}. Asked on every authenticated request, so it must be one primary-key
     * look-up and never cached: a session ended on any replica is refused by every replica at once.
     */
    boolean isLive(SessionId session, AccountId account, Instant now);
}
