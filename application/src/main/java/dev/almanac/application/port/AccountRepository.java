package dev.almanac.application.port;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.NotFoundException;
import java.time.Instant;
import java.util.Optional;

/** Where accounts live. */
public interface AccountRepository {

    /**
     * Stores a new account.
     *
     * @throws ConflictException {@code account.email.taken} when an account with the same normalised e-mail
     *                           address exists (checked by the store itself, so two racing sign-ups cannot both win)
     */
    void add(Account account);

    Optional<Account> byId(AccountId id);

    /** Looks an account up by the normalised form of {@code email}. */
    Optional<Account> byEmail(EmailAddress email);

    /** Replaces the stored password hash (after a re-hash at stronger parameters). */
    void changePasswordHash(AccountId id, PasswordHash hash);

    /**
     * A password change: replaces the hash and, in the same transaction, revokes every active session of the
     * account as of {@code now} except {@code keep} (so either both happen or neither). Returns how many sessions
     * ended.
     *
     * @throws NotFoundException {@code account.not_found} when there is no such account
     */
    int changePassword(AccountId id, PasswordHash hash, Optional<SessionId> keep, Instant now);

    /**
     * Deletes the account and everything that belongs to it (calendars with their events, overrides and feeds;
     * sessions with their refresh tokens; its sign-in throttle) in one transaction: afterwards no row refers to
     * it, and its e-mail address is free again. Returns whether there was such an account.
     */
    boolean delete(AccountId id);
}
