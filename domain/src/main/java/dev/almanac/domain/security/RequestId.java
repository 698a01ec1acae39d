package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

import java.util.regex.Pattern;

/**
 * The id of one request, as echoed in the {@code X-Request-Id} header, the request log and the audit trail: 1 to
 * {@value #MAX_LENGTH} characters of letters, digits and {@code . _ : -}, so it can neither forge a log line nor
 * carry anything a client did not mean to show.
 */
public record RequestId(String value) {
    public static final int MAX_LENGTH = 128;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._:-]{1," + MAX_LENGTH + "}");
    /** For work that was not started by a request. */
    public static final RequestId NONE = new RequestId("none");

    public RequestId {
        requireNonNull(value, "value");
        if (!isWellFormed(value)) {
            throw new IllegalArgumentException("a request id is 1.." + MAX_LENGTH + " of [A-Za-z0-9._:-]");
        }
    }

    /** Whether {@code text} may be used as a request id (e.g. one a client sent). */
    public static boolean isWellFormed(String text) {
        return text != null && SHAPE.matcher(text).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
