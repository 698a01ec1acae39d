package dev.almanac.application.account;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.security.RequestContext;

/**
 * An operator switches an account off: it can no longer sign in, refresh or use a token, and every session it
 * had is revoked. Disabling a disabled account changes nothing.
 */
public interface DisableAccountUseCase {

    /**
     * @throws dev.almanac.domain.shared.NotFoundException {@code account.not_found}
     * @throws dev.almanac.domain.shared.RuleViolationException for a malformed address
     */
    Account disable(String email, RequestContext context);
}
