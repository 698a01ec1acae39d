package dev.almanac.application.port;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.shared.ConflictException;
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
}
