package dev.almanac.application.account;

import dev.almanac.domain.security.RequestContext;

/**
 * Mails a pending account a new verification token. Says nothing about the address: an unknown address, an
 * account already verified and a re-send over the limit all end the same way, with nothing sent.
 */
public interface ResendVerificationUseCase {

    /** @throws dev.almanac.domain.shared.RuleViolationException only for an address that is malformed */
    void resend(String email, RequestContext context);
}
