package dev.almanac.application.account;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RequestContext;
import static java.util.Objects.requireNonNull;

/**
 * Asks to move the caller's account to a new address: with the current password, a token is mailed to the new
 * address; the address changes only when that token is verified ({@link VerifyAccountUseCase}).
 */
public interface ChangeEmailUseCase {

    /**
     * @throws dev.almanac.domain.shared.ForbiddenException {@code account.unverified} for a pending account,
     *         {@code account.password.wrong} for a wrong password
     * @throws dev.almanac.domain.shared.RuleViolationException for a malformed address,
     *         {@code account.email.unchanged} for the current one
     * @throws dev.almanac.domain.shared.ConflictException {@code account.email.taken}
     */
    void request(Command command, RequestContext context);

    record Command(AccountId actor, String email, String password) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(email, "email");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "ChangeEmail[actor=" + actor + ", email=" + email + ", password=redacted]";
        }
    }
}
