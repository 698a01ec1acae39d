package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

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
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/** {@link AccountRepository} on PostgreSQL. The unique index on {@code email_normalized} settles sign-up races. */
final class JdbiAccountRepository implements AccountRepository {
    private static final String EMAIL_UNIQUE = "accounts_email_normalized_key";

    private final Jdbi jdbi;
    private final LiveSessions live;

    /** {@code live}: forgotten after a password change or deletion, which end sessions (ADR 0028). */
    JdbiAccountRepository(Jdbi jdbi, LiveSessions live) {
        this.jdbi = jdbi;
        this.live = live;
    }

    @Override
    public void add(Account account) {
        jdbi.useHandle(handle -> insert(handle, account));
    }

    /** Inserts an account on the caller's handle (and transaction). */
    static void insert(Handle handle, Account account) {
        AccountRow row = AccountRow.from(account);
        try {
            handle.createUpdate("""
                            insert into accounts (id, email, email_normalized, display_name, password_hash, status,
                                                  created_at)
                            values (:id, :email, :emailNormalized, :displayName, :passwordHash, :status, :createdAt)
                            """)
                    .bind("id", row.id())
                    .bind("email", row.email())
                    .bind("emailNormalized", row.emailNormalized())
                    .bind("displayName", row.displayName())
                    .bind("passwordHash", row.passwordHash())
                    .bind("status", row.status())
                    .bind("createdAt", utc(row.createdAt()))
                    .execute();
        } catch (UnableToExecuteStatementException e) {
            throw emailTakenOr(e);
        }
    }

    /** {@code account.email.taken} when the failure is the address's unique index, else the failure itself. */
    static RuntimeException emailTakenOr(UnableToExecuteStatementException e) {
        if (UniqueViolation.of(e, EMAIL_UNIQUE)) {
            return new ConflictException("account.email.taken", "An account with this e-mail address exists");
        }
        return e;
    }

    @Override
    public Optional<Account> byId(AccountId id) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + AccountRow.COLUMNS + " from accounts where id = :id")
                .bind("id", id.value())
                .map((rs, ctx) -> AccountRow.read(rs))
                .findOne()
                .map(AccountRow::toDomain));
    }

    @Override
    public Optional<Account> byEmail(EmailAddress email) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select " + AccountRow.COLUMNS + " from accounts where email_normalized = :email")
                .bind("email", email.normalized())
                .map((rs, ctx) -> AccountRow.read(rs))
                .findOne()
                .map(AccountRow::toDomain));
    }

    @Override
    public void changePasswordHash(AccountId id, PasswordHash hash) {
        int changed = jdbi.withHandle(handle -> handle.createUpdate(
                        "update accounts set password_hash = :hash where id = :id")
                .bind("hash", hash.encoded())
                .bind("id", id.value())
                .execute());
        if (changed == 0) {
            throw new NotFoundException("account.not_found", "No such account");
        }
    }

    @Override
    public int changePassword(AccountId id, PasswordHash hash, Optional<SessionId> keep, Instant now) {
        return live.forgettingAllIfItFails(() -> jdbi.inTransaction(handle -> {
            int changed = handle.createUpdate("update accounts set password_hash = :hash where id = :id")
                    .bind("hash", hash.encoded())
                    .bind("id", id.value())
                    .execute();
            if (changed == 0) {
                throw new NotFoundException("account.not_found", "No such account");
            }
            int revoked = JdbiSessionRepository.revokeAll(handle, id, keep, now);
            live.forgetNowAndAtCommit(handle, live::forgetAll);
            return revoked;
        }));
    }

    /**
     * One statement, so one transaction: the foreign keys that refer to {@code accounts} (calendars, sessions,
     * login throttles) and those below them (events, overrides, feeds, refresh tokens) all cascade, so the rows
     * go together or not at all. A table added later that refers to an account must cascade too; the deletion
     * test finds every such column through {@code information_schema} and fails otherwise.
     */
    @Override
    public boolean delete(AccountId id) {
        return live.forgettingAllIfItFails(() -> jdbi.withHandle(handle -> {
            int deleted = handle.createUpdate("delete from accounts where id = :id")
                    .bind("id", id.value())
                    .execute();
            live.forgetNowAndAtCommit(handle, live::forgetAll);
            return deleted;
        })) == 1;
    }
}
