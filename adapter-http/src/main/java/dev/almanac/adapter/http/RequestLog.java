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
        String id = idFor(ctx.header(HEADER));
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    /** The id a request goes by: the caller's {@code X-Request-Id} when it is sane, else a new one. */
    static String idFor(String incoming) {
        return RequestId.isWellFormed(incoming) ? incoming : UUID.randomUUID().toString();
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "unknown";
    }

    static void log(Context ctx, Float millis) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {}ms id={}", ctx.method(), shownPath(ctx), ctx.statusCode(),
                    tenths(millis), requestId(ctx));
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

    /** The path as logged: at most 200 characters, anything but visible ASCII shown as {@code ?}. */
    static String sanitized(String path) {
        int shown = Math.min(path.length(), 200);
        StringBuilder out = new StringBuilder(shown + 3);
        for (int i = 0; i < shown; i++) {
            char c = path.charAt(i);
            out.append(c >= 0x21 && c <= 0x7E ? c : '?');
        }
        return path.length() > shown ? out.append("...").toString() : out.toString();
    }

    /** Milliseconds with one decimal, rounded half up, without the cost of a {@code Formatter}. */
    static String tenths(Float millis) {
        long tenths = millis == null || millis < 0 ? 0 : Math.round(millis * 10.0);
        return (tenths / 10) + "." + (tenths % 10);
    }
}
