package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;

/** Checks an e-mail address and password. */
public interface AuthenticateUseCase {

    /**
     * @return the account the credentials belong to
     * @throws dev.almanac.domain.shared.AuthenticationException {@code auth.invalid_credentials}, the same for an
     *                                                           unknown address and a wrong password
     */
    AccountId authenticate(Command command);

    record Command(String email, String password) {
        public Command {
            requireNonNull(email, "email");
            requireNonNull(password, "password");
        }

        @Override
        public String toString() {
            return "Authenticate[email=" + email + ", password=redacted]";
        }
    }
}
