package dev.almanac.adapter.http;

import io.javalin.http.Context;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives every request an id (a sane incoming {@code X-Request-Id} is kept, otherwise a new one) and logs one
 * line per request: method, path (never the query, which may hold search text), status, milliseconds, id.
 * Bodies, headers, passwords and tokens are never logged.
 */
final class RequestLog {
    static final String HEADER = "X-Request-Id";
    private static final String ATTRIBUTE = "almanac.requestId";
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final Logger LOG = LoggerFactory.getLogger("dev.almanac.http.access");

    private RequestLog() {
    }

    static void assignId(Context ctx) {
        String incoming = ctx.header(HEADER);
        String id = incoming != null && SANE.matcher(incoming).matches() ? incoming : UUID.randomUUID().toString();
        ctx.attribute(ATTRIBUTE, id);
        ctx.header(HEADER, id);
    }

    static String requestId(Context ctx) {
        String id = ctx.attribute(ATTRIBUTE);
        return id != null ? id : "unknown";
    }

    static void log(Context ctx, Float millis) {
        if (LOG.isInfoEnabled()) {
            LOG.info("{} {} {} {}ms id={}", ctx.method(), sanitized(ctx.path()), ctx.statusCode(),
                    String.format(java.util.Locale.ROOT, "%.1f", millis), requestId(ctx));
        }
    }

    private static String sanitized(String path) {
        String shown = path.length() > 200 ? path.substring(0, 200) + "..." : path;
        return shown.replaceAll("[^\\x21-\\x7E]", "?");
    }
}
