package dev.almanac.application.fakes;

import dev.almanac.application.port.SessionRepository;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RefreshOutcome;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/** A {@link SessionRepository} in memory, held to the same contract as the PostgreSQL one. */
public final class InMemorySessions implements SessionRepository {
    private final InMemoryStore store;

    InMemorySessions(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(Session session) {
        synchronized (store) {
            if (store.sessions.containsKey(session.id()) || store.refreshTokens.containsKey(session.currentToken())) {
                throw new IllegalStateException("session " + session.id() + " or its token exists");
            }
            if (!store.accounts.containsKey(session.account())) {
                throw new IllegalStateException("no account " + session.account());
            }
            store.sessions.put(session.id(), session);
            store.refreshTokens.put(session.currentToken(), session.id());
        }
    }

    @Override
    public Optional<Session> byId(SessionId id) {
        synchronized (store) {
            return Optional.ofNullable(store.sessions.get(id));
        }
    }

    @Override
    public List<Session> active(AccountId account, Instant now) {
        synchronized (store) {
            return store.sessions.values().stream()
                    .filter(s -> s.account().equals(account) && s.isActive(now))
                    .sorted(Comparator.comparing(Session::lastUsedAt).reversed()
                            .thenComparing(s -> s.id().value(), InMemoryStore.UUID_ORDER.reversed()))
                    .toList();
        }
    }

    @Override
    public Optional<RefreshOutcome> refresh(SecretHash presented, Function<Session, RefreshOutcome> decide) {
        synchronized (store) {
            SessionId id = store.refreshTokens.get(presented);
            if (id == null) {
                return Optional.empty();
            }
            RefreshOutcome outcome = decide.apply(store.sessions.get(id));
            save(outcome.session());
            return Optional.of(outcome);
        }
    }

    @Override
    public Optional<Session> updateByToken(SecretHash anyToken, UnaryOperator<Session> change) {
        synchronized (store) {
            SessionId id = store.refreshTokens.get(anyToken);
            return id == null ? Optional.empty() : update(id, change);
        }
    }

    @Override
    public Optional<Session> update(SessionId id, UnaryOperator<Session> change) {
        synchronized (store) {
            Session current = store.sessions.get(id);
            if (current == null) {
                return Optional.empty();
            }
            Session changed = change.apply(current);
            save(changed);
            return Optional.of(changed);
        }
    }

    @Override
    public int revokeAll(AccountId account, Optional<SessionId> keep, Instant now) {
        synchronized (store) {
            List<Session> ending = active(account, now).stream()
                    .filter(s -> keep.map(kept -> !kept.equals(s.id())).orElse(true))
                    .toList();
            ending.forEach(s -> save(s.revoke(now)));
            return ending.size();
        }
    }

    @Override
    public boolean isLive(SessionId session, AccountId account, Instant now) {
        synchronized (store) {
            Session found = store.sessions.get(session);
            return found != null && found.account().equals(account) && store.accounts.containsKey(account)
                    && found.isActive(now);
        }
    }

    private void save(Session session) {
        if (!store.sessions.containsKey(session.id())) {
            throw new IllegalStateException("a change may not make a new session");
        }
        SessionId owner = store.refreshTokens.putIfAbsent(session.currentToken(), session.id());
        if (owner != null && !owner.equals(session.id())) {
            throw new IllegalStateException("refresh token hash belongs to another session");
        }
        store.sessions.put(session.id(), session);
    }
}
