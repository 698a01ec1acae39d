package dev.almanac.adapter.http;

import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import io.javalin.http.Context;

/**
 * The client behind a request: its address as {@link ClientAddresses} decided (the TCP peer unless it is a
 * trusted proxy) and its {@code User-Agent}; with the request id, the {@link RequestContext} use cases receive.
 */
final class Clients {
    private Clients() {
    }

    static Client of(Context ctx) {
        return new Client(ClientAddresses.of(ctx), ctx.header("User-Agent"));
    }

    static RequestContext context(Context ctx) {
        return new RequestContext(of(ctx), new RequestId(RequestLog.requestId(ctx)));
    }
}
