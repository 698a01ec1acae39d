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
                    tenths(millis), requestId(ctx));
        }
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
