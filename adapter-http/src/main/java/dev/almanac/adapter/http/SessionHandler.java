package dev.almanac.adapter.http;

import dev.almanac.adapter.http.AccountBodies.TokenResponse;
import dev.almanac.adapter.http.SessionBodies.RefreshTokenRequest;
import dev.almanac.adapter.http.SessionBodies.SessionResponse;
import dev.almanac.application.account.AccountUseCases;
import io.javalin.http.Context;

/** {@code POST /v1/auth/refresh}, {@code POST /v1/auth/logout}, {@code GET/DELETE /v1/me/sessions}. */
final class SessionHandler {
    private final AccountUseCases accounts;
    private final JsonBodies bodies;
    private final Responses responses;

    SessionHandler(AccountUseCases accounts, JsonBodies bodies, Responses responses) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.responses = responses;
    }

    void refresh(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        RefreshTokenRequest request = RefreshTokenRequest.read(bodies.object(ctx, JsonBodies.JSON));
        var signedIn = accounts.refresh().refresh(request.refreshToken(), Clients.context(ctx));
        responses.json(ctx, 200, TokenResponse.from(signedIn));
    }

    void logout(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        RefreshTokenRequest request = RefreshTokenRequest.read(bodies.object(ctx, JsonBodies.JSON));
        accounts.signOut().signOut(request.refreshToken(), Clients.context(ctx));
        ctx.status(204);
    }

    void list(Context ctx) {
        var sessions = accounts.sessions().active(BearerAuthentication.caller(ctx)).stream()
                .map(SessionResponse::from).toList();
        responses.json(ctx, 200, new PageResponse<>(sessions, null));
    }

    void revoke(Context ctx) {
        accounts.sessions().revoke(BearerAuthentication.caller(ctx), RequestParams.sessionId(ctx), Clients.context(ctx));
        ctx.status(204);
    }
}
