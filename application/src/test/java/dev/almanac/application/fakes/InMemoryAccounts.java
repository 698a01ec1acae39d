package dev.almanac.application.fakes;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.NotFoundException;
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
}
