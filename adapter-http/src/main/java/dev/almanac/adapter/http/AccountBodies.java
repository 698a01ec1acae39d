package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.almanac.application.account.AuthenticateUseCase;
import dev.almanac.application.account.ChangeEmailUseCase;
import dev.almanac.application.account.ChangePasswordUseCase;
import dev.almanac.application.account.DeleteAccountUseCase;
import dev.almanac.application.account.RegisterAccountUseCase;
import dev.almanac.application.account.SignInUseCase;
import dev.almanac.application.port.AccessTokens.IssuedToken;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;

/**
 * The request and response bodies of sign-up, verification, sign-in and {@code /v1/me} (with address and password
 * change, and deletion).
 */
final class AccountBodies {
    private AccountBodies() {
    }

    /** {@code POST /v1/accounts}. */
    record SignUp(String email, String password, String displayName) {
        static SignUp read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "email", "password", "displayName");
            var signUp = new SignUp(fields.text("email"), fields.text("password"), fields.text("displayName"));
            fields.throwIfInvalid();
            return signUp;
        }

        RegisterAccountUseCase.Command toCommand() {
            return new RegisterAccountUseCase.Command(email, password, displayName);
        }

        @Override
        public String toString() {
            return "SignUp[email=" + email + ", password=redacted, displayName=" + displayName + "]";
        }
    }

    /** {@code POST /v1/auth/token}. */
    record Credentials(String email, String password) {
        static Credentials read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "email", "password");
            var credentials = new Credentials(fields.text("email"), fields.text("password"));
            fields.throwIfInvalid();
            return credentials;
        }

        AuthenticateUseCase.Command toCommand() {
            return new AuthenticateUseCase.Command(email, password);
        }

        @Override
        public String toString() {
            return "Credentials[email=" + email + ", password=redacted]";
        }
    }

    /** {@code POST /v1/accounts/verify}: the token from the mail. */
    record VerifyRequest(String token) {
        static VerifyRequest read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "token");
            var request = new VerifyRequest(fields.text("token"));
            fields.throwIfInvalid();
            return request;
        }

        @Override
        public String toString() {
            return "VerifyRequest[token=redacted]";
        }
    }

    /** {@code POST /v1/accounts/verify/resend}. */
    record ResendRequest(String email) {
        static ResendRequest read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "email");
            var request = new ResendRequest(fields.text("email"));
            fields.throwIfInvalid();
            return request;
        }
    }

    /** {@code POST /v1/me/email}: the new address and the current password. */
    record ChangeEmailRequest(String email, String password) {
        static ChangeEmailRequest read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "email", "password");
            var request = new ChangeEmailRequest(fields.text("email"), fields.text("password"));
            fields.throwIfInvalid();
            return request;
        }

        ChangeEmailUseCase.Command toCommand(AccountId actor) {
            return new ChangeEmailUseCase.Command(actor, email, password);
        }

        @Override
        public String toString() {
            return "ChangeEmailRequest[email=" + email + ", password=redacted]";
        }
    }

    /** {@code POST /v1/me/password}. */
    record PasswordChange(String currentPassword, String newPassword) {
        static PasswordChange read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "currentPassword", "newPassword");
            var change = new PasswordChange(fields.text("currentPassword"), fields.text("newPassword"));
            fields.throwIfInvalid();
            return change;
        }

        ChangePasswordUseCase.Command toCommand(AccountId actor, SessionId session) {
            return new ChangePasswordUseCase.Command(actor, session, currentPassword, newPassword);
        }

        @Override
        public String toString() {
            return "PasswordChange[redacted]";
        }
    }

    /** {@code POST /v1/me/delete}. */
    record AccountDeletion(String password) {
        static AccountDeletion read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "password");
            var deletion = new AccountDeletion(fields.text("password"));
            fields.throwIfInvalid();
            return deletion;
        }

        DeleteAccountUseCase.Command toCommand(AccountId actor) {
            return new DeleteAccountUseCase.Command(actor, password);
        }

        @Override
        public String toString() {
            return "AccountDeletion[redacted]";
        }
    }

    /** The answer to a successful sign-in or refresh (RFC 6749 §5.1 names). */
    record TokenResponse(String accessToken, String tokenType, long expiresIn, String refreshToken) {
        static TokenResponse from(SignInUseCase.SignedIn signedIn) {
            IssuedToken token = signedIn.accessToken();
            return new TokenResponse(token.token(), "Bearer", token.lifetime().toSeconds(), signedIn.refreshToken());
        }

        @Override
        public String toString() {
            return "TokenResponse[redacted, expiresIn=" + expiresIn + "]";
        }
    }

    /** An account as clients see it: never the password hash. */
    record AccountResponse(String id, String email, String displayName, String status, String createdAt) {
        static AccountResponse from(Account account) {
            return new AccountResponse(account.id().toString(), account.email().value(),
                    account.displayName().value(), account.status().name(), account.createdAt().toString());
        }
    }
}
