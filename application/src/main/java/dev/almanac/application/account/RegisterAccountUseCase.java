package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.security.RequestContext;

/** Opens a new account. */
public interface RegisterAccountUseCase {

    /**
     * @throws dev.almanac.domain.shared.RuleViolationException for a bad e-mail, password or display name
     * @throws dev.almanac.domain.shared.ConflictException       {@code account.email.taken}
     */
    Account register(Command command, RequestContext context);

    /** Raw sign-up input; the domain values check it. */
    record Command(String email, String password, String displayName) {
        public Command {
            requireNonNull(email, "email");
            requireNonNull(password, "password");
            requireNonNull(displayName, "displayName");
        }

        @Override
        public String toString() {
            return "RegisterAccount[email=" + email + ", password=redacted, displayName=" + displayName + "]";
        }
    }
}
