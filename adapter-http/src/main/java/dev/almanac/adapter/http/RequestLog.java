package dev.almanac.adapter.http;

import dev.almanac.domain.security.RequestId;
import io.javalin.http.Context;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
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
        return RequestId.isWellFormed(incoming) ? incoming : newId();
    }

    /**
     * A new random (version 4) UUID from the request thread's own generator. A request id names a request in the
     * log and in problem documents; it is no secret and opens nothing, so it must be unique, not unpredictable.
     * {@link UUID#randomUUID()} draws from the process-wide {@code SecureRandom}, whose lock the request threads
     * queued on in a flight recording of the benchmark.
     */
    static String newId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = random.nextLong() & ~0xF000L | 0x4000L;
        long low = random.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL | 0x8000_0000_0000_0000L;
        return new UUID(high, low).toString();
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
