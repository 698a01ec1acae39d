package dev.almanac.adapter.http;

import dev.almanac.adapter.http.AccountBodies.AccountDeletion;
import dev.almanac.adapter.http.AccountBodies.AccountResponse;
import dev.almanac.adapter.http.AccountBodies.ChangeEmailRequest;
import dev.almanac.adapter.http.AccountBodies.Credentials;
import dev.almanac.adapter.http.AccountBodies.PasswordChange;
import dev.almanac.adapter.http.AccountBodies.ResendRequest;
import dev.almanac.adapter.http.AccountBodies.SignUp;
import dev.almanac.adapter.http.AccountBodies.TokenResponse;
import dev.almanac.adapter.http.AccountBodies.VerifyRequest;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.domain.account.Account;
import io.javalin.http.Context;

/**
 * Sign-up ({@code POST /v1/accounts}), verification ({@code POST /v1/accounts/verify} and {@code .../resend}),
 * sign-in ({@code POST /v1/auth/token}), {@code GET /v1/me}, an address change ({@code POST /v1/me/email}), password
 * change ({@code POST /v1/me/password}) and self-service deletion ({@code POST /v1/me/delete}).
 */
final class AccountHandler {
    private final AccountUseCases accounts;
    private final JsonBodies bodies;
    private final Responses responses;

    AccountHandler(AccountUseCases accounts, JsonBodies bodies, Responses responses) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.responses = responses;
    }

    void signUp(Context ctx) {
        SignUp request = SignUp.read(bodies.object(ctx, JsonBodies.JSON));
        Account account = accounts.register().register(request.toCommand(), Clients.context(ctx));
        ctx.header("Cache-Control", "no-store");
        ctx.header("Location", "/v1/me");
        responses.representation(ctx, 201, AccountResponse.from(account));
    }

    /** 200 with the account as the token left it (activated, or at its new address). */
    void verify(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        VerifyRequest request = VerifyRequest.read(bodies.object(ctx, JsonBodies.JSON));
        Account account = accounts.verify().verify(request.token(), Clients.context(ctx));
        responses.json(ctx, 200, AccountResponse.from(account));
    }

    /** Always 202 for a well-formed address: whether a mail goes out is nobody's business but the inbox's. */
    void resendVerification(Context ctx) {
        ResendRequest request = ResendRequest.read(bodies.object(ctx, JsonBodies.JSON));
        accounts.resendVerification().resend(request.email(), Clients.context(ctx));
        ctx.status(202);
    }

    /** 202: a token is on its way to the new address; the address changes when it is verified. */
    void changeEmail(Context ctx) {
        ChangeEmailRequest request = ChangeEmailRequest.read(bodies.object(ctx, JsonBodies.JSON));
        accounts.changeEmail().request(request.toCommand(BearerAuthentication.caller(ctx)), Clients.context(ctx));
        ctx.status(202);
    }

    void token(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Credentials credentials = Credentials.read(bodies.object(ctx, JsonBodies.JSON));
        var signedIn = accounts.signIn().signIn(credentials.toCommand(), Clients.context(ctx));
        responses.json(ctx, 200, TokenResponse.from(signedIn));
    }

    void me(Context ctx) {
        Account account = accounts.getAccount().get(BearerAuthentication.caller(ctx));
        responses.representation(ctx, 200, AccountResponse.from(account));
    }

    void changePassword(Context ctx) {
        PasswordChange request = PasswordChange.read(bodies.object(ctx, JsonBodies.JSON));
        accounts.changePassword().changePassword(
                request.toCommand(BearerAuthentication.caller(ctx), BearerAuthentication.session(ctx)),
                Clients.context(ctx));
        ctx.status(204);
    }

    void deleteAccount(Context ctx) {
        AccountDeletion request = AccountDeletion.read(bodies.object(ctx, JsonBodies.JSON));
        accounts.deleteAccount().delete(request.toCommand(BearerAuthentication.caller(ctx)), Clients.context(ctx));
        ctx.status(204);
    }
}
