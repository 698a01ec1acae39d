package dev.almanac.application.account;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;

/** Reads the caller's own account. */
public interface GetAccountUseCase {

    /** @throws dev.almanac.domain.shared.NotFoundException {@code account.not_found} */
    Account get(AccountId actor);
}
