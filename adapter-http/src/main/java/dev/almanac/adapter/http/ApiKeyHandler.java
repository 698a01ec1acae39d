package dev.almanac.adapter.http;

import dev.almanac.adapter.http.ApiKeyBodies.ApiKeyResponse;
import dev.almanac.adapter.http.ApiKeyBodies.CreateApiKeyRequest;
import dev.almanac.adapter.http.ApiKeyBodies.CreatedApiKeyResponse;
import dev.almanac.application.account.AccountUseCases;
import io.javalin.http.Context;

/** {@code POST/GET /v1/me/api-keys} and {@code DELETE /v1/me/api-keys/{apiKeyId}}: a signed-in session only. */
final class ApiKeyHandler {
    private final AccountUseCases accounts;
    private final JsonBodies bodies;
    private final Responses responses;

    ApiKeyHandler(AccountUseCases accounts, JsonBodies bodies, Responses responses) {
        this.accounts = accounts;
        this.bodies = bodies;
        this.responses = responses;
    }

    void create(Context ctx) {
        CreateApiKeyRequest request = CreateApiKeyRequest.read(bodies.object(ctx, JsonBodies.JSON));
        var created = accounts.createApiKey().create(request.toCommand(BearerAuthentication.caller(ctx)),
                Clients.context(ctx));
        responses.json(ctx, 201, CreatedApiKeyResponse.from(created));
    }

    void list(Context ctx) {
        var keys = accounts.apiKeys().unrevoked(BearerAuthentication.caller(ctx)).stream()
                .map(ApiKeyResponse::from).toList();
        responses.json(ctx, 200, new PageResponse<>(keys, null));
    }

    void revoke(Context ctx) {
        accounts.apiKeys().revoke(BearerAuthentication.caller(ctx), RequestParams.apiKeyId(ctx),
                Clients.context(ctx));
        ctx.status(204);
    }
}
