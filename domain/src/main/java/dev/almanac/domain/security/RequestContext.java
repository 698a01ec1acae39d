package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

/**
 * The request a use case runs for: who sent it ({@link Client}: address and user agent) and its {@link RequestId},
 * so what the use case records (a session, an audit entry) can be traced back to the request log.
 */
public record RequestContext(Client client, RequestId requestId) {
    /** For work that was not started by a request, and for tests that do not care. */
    public static final RequestContext UNKNOWN = new RequestContext(Client.UNKNOWN, RequestId.NONE);

    public RequestContext {
        requireNonNull(client, "client");
        requireNonNull(requestId, "requestId");
    }
}
