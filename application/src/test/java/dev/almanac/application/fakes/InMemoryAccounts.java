package dev.almanac.application.fakes;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Optional;

/** An {@link AccountRepository} in memory, held to the same contract as the PostgreSQL one. */
public final class InMemoryAccounts implements AccountRepository {
    private final InMemoryStore store;

    InMemoryAccounts(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(Account account) {
        synchronized (store) {
            if (store.accounts.containsKey(account.id())) {
                throw new IllegalStateException("account " + account.id() + " exists");
            }
            if (byEmail(account.email()).isPresent()) {
                throw new ConflictException("account.email.taken", "An account with this e-mail address exists");
            }
            store.accounts.put(account.id(), account);
        }
    }

    @Override
    public Optional<Account> byId(AccountId id) {
        synchronized (store) {
            return Optional.ofNullable(store.accounts.get(id));
        }
    }

    @Override
    public Optional<Account> byEmail(EmailAddress email) {
        synchronized (store) {
            return store.accounts.values().stream()
                    .filter(a -> a.email().normalized().equals(email.normalized()))
                    .findFirst();
        }
    }

    @Override
    public void changePasswordHash(AccountId id, PasswordHash hash) {
        synchronized (store) {
            Account account = store.accounts.get(id);
            if (account == null) {
                throw new NotFoundException("account.not_found", "No such account");
            }
            store.accounts.put(id, account.withPasswordHash(hash));
        }
    }

    @Override
    public int changePassword(AccountId id, PasswordHash hash, Optional<SessionId> keep, Instant now) {
        synchronized (store) {
            changePasswordHash(id, hash);
            return store.sessions().revokeAll(id, keep, now);
        }
    }

    /** Takes everything of the account with it, as the foreign keys' cascades do in PostgreSQL. */
    @Override
    public boolean delete(AccountId id) {
        synchronized (store) {
            if (store.accounts.remove(id) == null) {
                return false;
            }
            var calendars = store.calendars.values().stream()
                    .filter(c -> c.owner().equals(id)).map(c -> c.id()).toList();
            var events = store.events.values().stream()
                    .filter(e -> calendars.contains(e.calendarId())).map(e -> e.id()).toList();
            store.overrides.keySet().removeAll(events);
            store.events.keySet().removeAll(events);
            store.feeds.values().removeIf(feed -> calendars.contains(feed.calendarId()));
            store.calendars.keySet().removeAll(calendars);
            var sessions = store.sessions.values().stream()
                    .filter(s -> s.account().equals(id)).map(s -> s.id()).toList();
            store.refreshTokens.values().removeAll(sessions);
            store.sessions.keySet().removeAll(sessions);
            return true;
        }
    }
}
