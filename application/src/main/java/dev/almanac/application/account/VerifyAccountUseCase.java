package dev.almanac.application.account;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.security.RequestContext;

/** Redeems a mailed verification token: activates a pending account, or moves an account to its new address. */
public interface VerifyAccountUseCase {

    /**
     * @return the account as the token left it
     * @throws dev.almanac.domain.shared.RuleViolationException {@code account.verification.token_malformed},
     *         {@code .token_invalid} (unknown), {@code .token_used}, {@code .token_expired}
     * @throws dev.almanac.domain.shared.ConflictException {@code account.email.taken} when the new address was
     *         taken meanwhile; {@code account.status.illegal_transition} for a disabled account
     */
    Account verify(String token, RequestContext context);
}
