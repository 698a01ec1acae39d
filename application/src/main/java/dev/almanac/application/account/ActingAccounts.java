package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import java.util.Optional;

/**
 * The check an API key passes after its own: whether the account it names may act at all, so a rule about the
 * account's state (a disabled or deleted account acts no more) holds for keys. Access tokens get the same answer
 * from their session's one-query check ({@code SessionRepository.isLive}, ADR 0015): deleting or disabling an
 * account ends every session it has.
 */
final class ActingAccounts {
    private final AccountRepository accounts;

    ActingAccounts(AccountRepository accounts) {
        this.accounts = requireNonNull(accounts, "accounts");
    }

    /** Whether {@code account} exists and may act now (it is not disabled). */
    boolean mayAct(AccountId account) {
        return acting(account).isPresent();
    }

    /** The account, when it exists and may act now. */
    Optional<Account> acting(AccountId account) {
        return accounts.byId(account).filter(Account::canAuthenticate);
    }
}
