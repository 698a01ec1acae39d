package dev.almanac.application.account;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RequestContext;
import static java.util.Objects.requireNonNull;

/** Deletes the caller's own account and everything in it, proven by the password. */
public interface DeleteAccountUseCase {

    /**
     * Removes the account, its calendars (with events, overrides and feeds), its sessions and refresh tokens and
     * its sign-in throttle in one transaction; every token of the account stops working at once.
     *
     * @throws dev.almanac.domain.shared.ForbiddenException {@code account.password.wrong} for a wrong password, and
     *                                                      while sign-in is locked (counted as a failed sign-in)
     */
    void delete(Command command, RequestContext context);

    record Command(AccountId actor, String password) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "DeleteAccount[actor=" + actor + ", password=redacted]";
        }
    }
}
