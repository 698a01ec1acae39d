package dev.almanac.adapter.http;

import io.javalin.http.Context;
import java.util.Map;
import java.util.function.Supplier;

/** {@code GET /.well-known/jwks.json}: the public keys that verify access tokens (RFC 7517). */
final class JwksHandler {
    private final Supplier<Map<String, Object>> jwks;
    private final Responses responses;

    JwksHandler(Supplier<Map<String, Object>> jwks, Responses responses) {
        this.jwks = jwks;
        this.responses = responses;
    }

    void get(Context ctx) {
        // Short enough that a key published ahead of use reaches caches before it signs anything.
        ctx.header("Cache-Control", "public, max-age=300");
        responses.json(ctx, 200, jwks.get());
        ctx.contentType("application/jwk-set+json");
    }
}
