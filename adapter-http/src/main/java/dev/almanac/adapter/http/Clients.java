package dev.almanac.adapter.http;

import dev.almanac.domain.security.Client;
import io.javalin.http.Context;

/**
 * The client behind a request: the TCP peer's address and its {@code User-Agent}. Forwarding headers
 * ({@code X-Forwarded-For}, {@code Forwarded}) are not trusted, since any client can send them; behind a proxy
 * the address recorded is the proxy's.
 */
final class Clients {
    private Clients() {
    }

    static Client of(Context ctx) {
        String ip = ctx.req().getRemoteAddr();
        return new Client(ip == null ? "unknown" : ip, ctx.header("User-Agent"));
    }
}
