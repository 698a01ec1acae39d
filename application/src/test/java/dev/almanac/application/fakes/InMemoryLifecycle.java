package dev.almanac.application.fakes;

import dev.almanac.application.port.AccountLifecycleStore;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.shared.ConflictException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/** An {@link AccountLifecycleStore} in memory: each call holds the store's lock, its one "transaction". */
public final class InMemoryLifecycle implements AccountLifecycleStore {
    private final InMemoryStore store;

    InMemoryLifecycle(InMemoryStore store) {
        this.store = store;
    }

    /** This store as the lifecycle's ports, with links to {@code http://localhost:8080}. */
    public dev.almanac.application.account.LifecyclePorts ports() {
        return new dev.almanac.application.account.LifecyclePorts(this, java.net.URI.create("http://localhost:8080"));
    }

    @Override
    public void open(Account account, VerificationToken token, OutgoingMail mail) {
        synchronized (store) {
            store.accounts().add(account);
            store.verificationTokens.put(token.hash(), token);
            queue(mail, token.issuedAt());
        }
    }

    @Override
    public boolean issue(VerificationToken token, OutgoingMail mail, ResendLimit limit) {
        synchronized (store) {
            if (!store.accounts.containsKey(token.account())) {
                return false;
            }
            Instant now = token.issuedAt();
            List<Instant> recent = store.verificationTokens.values().stream()
                    .filter(t -> t.account().equals(token.account()))
                    .filter(t -> t.purpose().kind().equals(token.purpose().kind()))
                    .map(VerificationToken::issuedAt)
                    .filter(at -> at.isAfter(now.minus(ResendLimit.WINDOW)))
                    .toList();
            if (!limit.allows(recent, now)) {
                return false;
            }
            store.verificationTokens.put(token.hash(), token);
            queue(mail, now);
            return true;
        }
    }

    @Override
    public Optional<Account> redeem(SecretHash hash, BiFunction<VerificationToken, Account, Redemption> redeem) {
        synchronized (store) {
            VerificationToken token = store.verificationTokens.get(hash);
            if (token == null || !store.accounts.containsKey(token.account())) {
                return Optional.empty();
            }
            Redemption redemption = redeem.apply(token, store.accounts.get(token.account()));
            Account after = redemption.redeemed().after();
            boolean taken = store.accounts.values().stream()
                    .anyMatch(a -> !a.id().equals(after.id())
                            && a.email().normalized().equals(after.email().normalized()));
            if (taken) {
                throw new ConflictException("account.email.taken", "An account with this e-mail address exists");
            }
            store.accounts.put(after.id(), after);
            store.verificationTokens.values().removeIf(t -> t.account().equals(token.account())
                    && t.purpose().kind().equals(token.purpose().kind()) && t.usedAt().isEmpty());
            VerificationToken used = redemption.redeemed().token();
            store.verificationTokens.put(used.hash(), used);
            redemption.mails().forEach(mail -> queue(mail, used.usedAt().orElseThrow()));
            return Optional.of(after);
        }
    }

    @Override
    public Optional<Account> changeStatus(EmailAddress email, UnaryOperator<Account> change, Instant now) {
        synchronized (store) {
            Optional<Account> found = store.accounts().byEmail(email);
            if (found.isEmpty()) {
                return Optional.empty();
            }
            Account changed = change.apply(found.get());
            store.accounts.put(changed.id(), changed);
            if (!changed.canAuthenticate()) {
                for (Map.Entry<dev.almanac.domain.security.SessionId, Session> entry : store.sessions.entrySet()) {
                    Session session = entry.getValue();
                    if (session.account().equals(changed.id()) && session.isActive(now)) {
                        entry.setValue(session.revoke(now));
                    }
                }
            }
            return Optional.of(changed);
        }
    }

    private void queue(OutgoingMail mail, Instant at) {
        store.outbox.add(new InMemoryMailOutbox.Entry(java.util.UUID.randomUUID(), mail, at));
    }
}
