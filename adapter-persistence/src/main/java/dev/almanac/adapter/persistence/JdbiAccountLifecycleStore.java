package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.AccountLifecycleStore;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.security.SecretHash;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link AccountLifecycleStore} on PostgreSQL: each method is one transaction over the account, its verification
 * tokens and the mail outbox. Changes lock the account's row first ({@code for update}), so parallel re-sends are
 * counted one after another and a token is redeemed once.
 */
final class JdbiAccountLifecycleStore implements AccountLifecycleStore {
    private final Jdbi jdbi;
    private final MailQueue queue;
    private final LiveSessions live;

    /** {@code live}: forgotten after a status change, which may end the account's sessions (ADR 0028). */
    JdbiAccountLifecycleStore(Jdbi jdbi, MailQueue queue, LiveSessions live) {
        this.live = live;
        this.jdbi = jdbi;
        this.queue = queue;
    }

    @Override
    public void open(Account account, VerificationToken token, OutgoingMail mail) {
        jdbi.useTransaction(handle -> {
            JdbiAccountRepository.insert(handle, account);
            insertToken(handle, token);
            queue.add(handle, account.id(), mail, token.issuedAt());
        });
    }

    @Override
    public boolean issue(VerificationToken token, OutgoingMail mail, ResendLimit limit) {
        return jdbi.inTransaction(handle -> {
            if (lockAccount(handle, token.account()).isEmpty()) {
                return false;
            }
            Instant now = token.issuedAt();
            List<Instant> recent = handle.createQuery("""
                            select issued_at from verification_tokens
                             where account_id = :account and purpose = :purpose and issued_at > :since
                            """)
                    .bind("account", token.account().value())
                    .bind("purpose", token.purpose().kind())
                    .bind("since", utc(now.minus(ResendLimit.WINDOW)))
                    .map((rs, ctx) -> SqlValues.instant(rs, "issued_at"))
                    .list();
            if (!limit.allows(recent, now)) {
                return false;
            }
            insertToken(handle, token);
            queue.add(handle, token.account(), mail, now);
            return true;
        });
    }

    @Override
    public Optional<Account> redeem(SecretHash hash, BiFunction<VerificationToken, Account, Redemption> redeem) {
        try {
            return jdbi.inTransaction(handle -> {
                Optional<UUID> owner = handle.createQuery(
                                "select account_id from verification_tokens where token_hash = :hash")
                        .bind("hash", hash.hex())
                        .mapTo(UUID.class)
                        .findOne();
                if (owner.isEmpty()) {
                    return Optional.<Account>empty();
                }
                // The account first, then the token: the same order as issue(), so the two never deadlock.
                Optional<Account> holder = lockAccount(handle, new AccountId(owner.get()));
                Optional<VerificationToken> token = handle.createQuery("""
                                select token_hash, account_id, purpose, new_email, issued_at, expires_at, used_at
                                  from verification_tokens where token_hash = :hash for update
                                """)
                        .bind("hash", hash.hex())
                        .map((rs, ctx) -> readToken(rs))
                        .findOne();
                if (holder.isEmpty() || token.isEmpty()) {
                    return Optional.<Account>empty();
                }
                Redemption redemption = redeem.apply(token.get(), holder.get());
                VerificationToken used = redemption.redeemed().token();
                Account after = redemption.redeemed().after();
                updateAccount(handle, after);
                handle.createUpdate("""
                                delete from verification_tokens
                                 where account_id = :account and purpose = :purpose and used_at is null
                                   and token_hash <> :hash
                                """)
                        .bind("account", after.id().value())
                        .bind("purpose", used.purpose().kind())
                        .bind("hash", used.hash().hex())
                        .execute();
                handle.createUpdate("update verification_tokens set used_at = :usedAt where token_hash = :hash")
                        .bind("usedAt", utc(used.usedAt().orElseThrow()))
                        .bind("hash", used.hash().hex())
                        .execute();
                for (OutgoingMail mail : redemption.mails()) {
                    queue.add(handle, after.id(), mail, used.usedAt().orElseThrow());
                }
                return Optional.of(after);
            });
        } catch (UnableToExecuteStatementException e) {
            throw JdbiAccountRepository.emailTakenOr(e);
        }
    }

    @Override
    public Optional<Account> changeStatus(EmailAddress email, UnaryOperator<Account> change, Instant now) {
        return live.forgettingAllIfItFails(() -> jdbi.inTransaction(handle -> handle.createQuery(
                        "select " + AccountRow.COLUMNS + " from accounts where email_normalized = :email for update")
                .bind("email", email.normalized())
                .map((rs, ctx) -> AccountRow.read(rs).toDomain())
                .findOne()
                .map(current -> {
                    Account changed = change.apply(current);
                    updateAccount(handle, changed);
                    if (!changed.canAuthenticate()) {
                        handle.createUpdate("""
                                        update sessions set revoked_at = greatest(:now, created_at)
                                         where account_id = :account and revoked_at is null
                                        """)
                                .bind("account", changed.id().value())
                                .bind("now", utc(now))
                                .execute();
                        live.forgetNowAndAtCommit(handle, live::forgetAll);
                    }
                    return changed;
                })));
    }

    private static Optional<Account> lockAccount(Handle handle, AccountId id) {
        return handle.createQuery("select " + AccountRow.COLUMNS + " from accounts where id = :id for update")
                .bind("id", id.value())
                .map((rs, ctx) -> AccountRow.read(rs).toDomain())
                .findOne();
    }

    /** Writes what the lifecycle changes: the status and the address. */
    private static void updateAccount(Handle handle, Account account) {
        AccountRow row = AccountRow.from(account);
        handle.createUpdate("""
                        update accounts set status = :status, email = :email, email_normalized = :emailNormalized
                         where id = :id
                        """)
                .bind("status", row.status())
                .bind("email", row.email())
                .bind("emailNormalized", row.emailNormalized())
                .bind("id", row.id())
                .execute();
    }

    private static void insertToken(Handle handle, VerificationToken token) {
        handle.createUpdate("""
                        insert into verification_tokens (token_hash, account_id, purpose, new_email, issued_at,
                                                         expires_at, used_at)
                        values (:hash, :account, :purpose, :newEmail, :issuedAt, :expiresAt, :usedAt)
                        """)
                .bind("hash", token.hash().hex())
                .bind("account", token.account().value())
                .bind("purpose", token.purpose().kind())
                .bind("newEmail", token.purpose() instanceof VerificationToken.ChangeEmail change
                        ? change.newEmail().value() : null)
                .bind("issuedAt", utc(token.issuedAt()))
                .bind("expiresAt", utc(token.expiresAt()))
                .bind("usedAt", token.usedAt().map(SqlValues::utc).orElse(null))
                .execute();
    }

    private static VerificationToken readToken(ResultSet rs) throws SQLException {
        String purpose = rs.getString("purpose");
        VerificationToken.Purpose kind = switch (purpose) {
            case VerificationToken.Activate.KIND -> new VerificationToken.Activate();
            case VerificationToken.ChangeEmail.KIND ->
                    new VerificationToken.ChangeEmail(EmailAddress.of(rs.getString("new_email")));
            default -> throw new IllegalStateException("unknown token purpose " + purpose);
        };
        Optional<Instant> usedAt = rs.getObject("used_at") == null
                ? Optional.empty() : Optional.of(SqlValues.instant(rs, "used_at"));
        return new VerificationToken(new SecretHash(rs.getString("token_hash")),
                new AccountId(rs.getObject("account_id", UUID.class)), kind, SqlValues.instant(rs, "issued_at"),
                SqlValues.instant(rs, "expires_at"), usedAt);
    }
}
