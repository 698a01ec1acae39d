package dev.almanac.adapter.http;

import dev.almanac.adapter.http.AccountBodies.AccountDeletion;
import dev.almanac.adapter.http.AccountBodies.AccountResponse;
import dev.almanac.adapter.http.AccountBodies.Credentials;
import dev.almanac.adapter.http.AccountBodies.PasswordChange;
import dev.almanac.adapter.http.AccountBodies.SignUp;
import dev.almanac.adapter.http.AccountBodies.TokenResponse;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.domain.account.Account;
import io.javalin.http.Context;

/**
 * Sign-up ({@code POST /v1/accounts}), sign-in ({@code POST /v1/auth/token}), {@code GET /v1/me}, password change
 * ({@code POST /v1/me/password}) and self-service deletion ({@code POST /v1/me/delete}).
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
        Account account = accounts.register().register(request.toCommand());
        ctx.header("Cache-Control", "no-store");
        ctx.header("Location", "/v1/me");
        responses.representation(ctx, 201, AccountResponse.from(account));
    }

    void token(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        Credentials credentials = Credentials.read(bodies.object(ctx, JsonBodies.JSON));
        var signedIn = accounts.signIn().signIn(credentials.toCommand(), Clients.of(ctx));
        responses.json(ctx, 200, TokenResponse.from(signedIn));
    }

    void me(Context ctx) {
        Account account = accounts.getAccount().get(BearerAuthentication.caller(ctx));
        responses.representation(ctx, 200, AccountResponse.from(account));
    }

    void changePassword(Context ctx) {
        PasswordChange request = PasswordChange.read(bodies.object(ctx, JsonBodies.JSON));
        accounts.changePassword().changePassword(
                request.toCommand(BearerAuthentication.caller(ctx), BearerAuthentication.session(ctx)));
        ctx.status(204);
    }

    void deleteAccount(Context ctx) {
        AccountDeletion request = AccountDeletion.read(bodies.object(ctx, JsonBodies.JSON));
        accounts.deleteAccount().delete(request.toCommand(BearerAuthentication.caller(ctx)));
        ctx.status(204);
    }
}
