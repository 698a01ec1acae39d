package dev.almanac.application.account;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.SessionId;
import static java.util.Objects.requireNonNull;

/** Changes the caller's password, proven by the current one; every other session of the account ends. */
public interface ChangePasswordUseCase {

    /**
     * @throws dev.almanac.domain.shared.RuleViolationException for a new password the policy refuses, or one equal
     *                                                          to the current one (checked before the current one)
     * @throws dev.almanac.domain.shared.ForbiddenException     {@code account.password.wrong} for a wrong current
     *                                                          password, and while sign-in is locked (counted as a
     *                                                          failed sign-in)
     */
    void changePassword(Command command, RequestContext context);

    /** @param session the caller's session, which stays alive */
    record Command(AccountId actor, SessionId session, String currentPassword, String newPassword) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(session, "session");
            requireNonNull(currentPassword, "currentPassword");
            requireNonNull(newPassword, "newPassword");
        }

        @Override
        public String toString() {
            return "ChangePassword[actor=" + actor + ", session=" + session + ", passwords=redacted]";
        }
    }
}
