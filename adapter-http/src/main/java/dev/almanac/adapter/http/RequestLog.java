package dev.almanac.adapter.http;

import dev.almanac.domain.security.RequestId;
import io.javalin.http.Context;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id (a sane incoming {@code X-Request-Id} is kept, otherwise a new one) and logs one
 * line per request: method, path (never the query, which may hold search text), status, milliseconds, id.
 * Bodies, headers, passwords and tokens are never logged; a path parameter that is a credential (the feed token
 * of {@code /v1/feeds/{token}}) is shown as its name, e.g. {@code /v1/feeds/{token}}.
 */
final class RequestLog {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "almanac.requestId";
    /** Path parameters that are credentials: never logged. */
    private static final java.util.Set<String> SECRET_PARAMETERS = java.util.Set.of("token");
    private static final Logger LOG = LoggerFactory.getLogger("dev.almanac.http.access");

    private RequestLog() {
    }

    static void assignId(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = RequestId.isWellFormed(incoming) ? incoming : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "unknown";
    }

    static void log(Context ctx, Float millis) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {}ms id={}", ctx.method(), shownPath(ctx), ctx.statusCode(),
                    String.format(java.util.Locale.ROOT, "%.1f", millis), requestId(ctx));
        }
    }

    /** The request's path as it may be logged or echoed: credentials masked, printable, at most 200 characters. */
    static String shownPath(Context ctx) {
        java.util.Map<String, String> parameters;
        try {
            parameters = ctx.pathParamMap();
        } catch (RuntimeException noRouteMatched) {
            parameters = java.util.Map.of();
        }
        if (parameters.keySet().stream().noneMatch(SECRET_PARAMETERS::contains)) {
            return sanitized(ctx.path());
        }
        // The route's template with only the harmless parameters filled in, whatever encoding the client used.
        String shown = ctx.endpoints().matchedHttpEndpoint().path;
        for (var parameter : parameters.entrySet()) {
            if (!SECRET_PARAMETERS.contains(parameter.getKey())) {
                shown = shown.replace("{" + parameter.getKey() + "}", parameter.getValue());
            }
        }
        return sanitized(shown);
    }

    private static String sanitized(String path) {
        String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return shown.replaceAll("[^\\x21-\\x7E]", "?");
    }
}
