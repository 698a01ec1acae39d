package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.account.SignInUseCase.SignedIn;
import dev.almanac.application.audit.AuditEntries;
import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.AccessTokens.Subject;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.port.Secrets;
import dev.almanac.application.port.SessionRepository;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RefreshOutcome;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Sessions: starting one at sign-in, refresh with rotation and reuse detection, sign-out, listing, revoking. A
 * rotation, a detected reuse, a sign-out and a revocation are audited in the transaction that stores them; a
 * refresh refused for an unknown, expired or revoked token is audited on its own.
 */
final class SessionService implements RefreshSessionUseCase, SignOutUseCase, SessionsUseCase {
    /** Longer than any refresh token this service hands out, short enough to refuse megabytes before hashing. */
    static final int MAX_TOKEN_LENGTH = 512;

    private final AccountRepository accounts;
    private final SessionRepository sessions;
    private final AccessTokens tokens;
    private final Secrets secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;
    private final AuditEntries entries;

    SessionService(AccountPorts ports) {
        this.accounts = ports.accounts();
        this.sessions = ports.sessions();
        this.tokens = ports.tokens();
        this.secrets = ports.secrets();
        this.ids = ports.ids();
        this.clock = ports.clock();
        this.audit = ports.audit();
        this.entries = new AuditEntries(ids, clock);
    }

    /** Starts a session for an authenticated account. */
    SignedIn start(AccountId account, Client client) {
        requireNonNull(client, "client");
        Instant now = clock.instant();
        String refreshToken = secrets.next();
        Session session = Session.start(new SessionId(ids.next()), account, SecretHash.of(refreshToken), client, now);
        sessions.add(session);
        return new SignedIn(account, session.id(), tokens.issue(new Subject(account, session.id()), now),
                refreshToken);
    }

    @Override
    public SignedIn refresh(String refreshToken, RequestContext context) {
        requireNonNull(context, "context");
        Optional<SecretHash> hashed = hashOf(refreshToken);
        if (hashed.isEmpty()) {
            audit.record(entries.failure(AuditEvent.REFRESH, Optional.empty(), context));
            throw invalid();
        }
        SecretHash presented = hashed.get();
        String next = secrets.next();
        SecretHash nextHash = SecretHash.of(next);
        Instant now = clock.instant();
        Optional<RefreshOutcome> outcome = audit.recordWith(
                () -> sessions.refresh(presented, s -> s.refresh(presented, nextHash, context.client(), now)),
                decided -> decided.flatMap(o -> auditOf(o, context)));
        if (outcome.isEmpty() || outcome.get() instanceof RefreshOutcome.Refused) {
            audit.record(entries.failure(AuditEvent.REFRESH, outcome.map(o -> o.session().account()), context));
            throw invalid();
        }
        if (!(outcome.get() instanceof RefreshOutcome.Rotated rotated)) {
            throw invalid();
        }
        AccountId account = rotated.session().account();
        if (accounts.byId(account).filter(dev.almanac.domain.account.Account::canAuthenticate).isEmpty()) {
            throw invalid();
        }
        SessionId session = rotated.session().id();
        return new SignedIn(account, session, tokens.issue(new Subject(account, session), now), next);
    }

    /** A rotation and a detected reuse are recorded with the change; a refusal changes nothing, so it is not. */
    private Optional<AuditEntry> auditOf(RefreshOutcome outcome, RequestContext context) {
        Session session = outcome.session();
        if (outcome instanceof RefreshOutcome.Rotated) {
            return Optional.of(entries.success(AuditEvent.REFRESH, session.account(), context, session.id()));
        }
        if (outcome instanceof RefreshOutcome.ReuseDetected) {
            return Optional.of(entries.entry(AuditEvent.REFRESH_REUSE_DETECTED, AuditOutcome.FAILURE,
                    Optional.of(session.account()), context, Optional.of(session.id().toString())));
        }
        return Optional.empty();
    }

    @Override
    public void signOut(String refreshToken, RequestContext context) {
        requireNonNull(context, "context");
        Instant now = clock.instant();
        hashOf(refreshToken).ifPresent(hash -> audit.recordWith(
                () -> sessions.updateByToken(hash, s -> s.revoke(now)),
                ended -> ended.map(s -> entries.success(AuditEvent.LOGOUT, s.account(), context, s.id()))));
    }

    @Override
    public List<Session> active(AccountId actor) {
        return sessions.active(requireNonNull(actor, "actor"), clock.instant());
    }

    @Override
    public void revoke(AccountId actor, SessionId session, RequestContext context) {
        requireNonNull(context, "context");
        Instant now = clock.instant();
        Optional<Session> own = sessions.byId(session).filter(s -> s.account().equals(actor));
        if (own.isEmpty() || !own.get().isActive(now)) {
            throw new NotFoundException("session.not_found", "No such session");
        }
        audit.recordWith(() -> sessions.update(session, s -> s.revoke(now)),
                revoked -> revoked.map(s -> entries.success(AuditEvent.SESSION_REVOKED, actor, context, s.id())));
    }

    private static Optional<SecretHash> hashOf(String token) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        return Optional.of(SecretHash.of(token));
    }

    private static AuthenticationException invalid() {
        return new AuthenticationException("auth.refresh_token_invalid",
                "The refresh token is unknown, expired, revoked or already used; sign in again");
    }
}
