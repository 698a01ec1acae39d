package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.domain.account.AccountId;

/**
 * The one check every credential passes after its own: whether the account it names may act at all. Access
 * tokens and API keys both come through here, so a rule about the account's state (a disabled or deleted
 * account acts no more) holds for every way in at once.
 */
final class ActingAccounts {
    private final AccountRepository accounts;

    ActingAccounts(AccountRepository accounts) {
        this.accounts = requireNonNull(accounts, "accounts");
    }

    /** Whether {@code account} exists and may act now. */
    boolean mayAct(AccountId account) {
        return accounts.byId(account).isPresent();
    }
}
