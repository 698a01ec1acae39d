package dev.almanac.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every error response.
 *
 * @param type   {@code urn:almanac:problem:} followed by {@code code}
 * @param code   the stable machine code, e.g. {@code event.time.end_not_after_start}
 * @param requestId the request's id (as in {@code X-Request-Id} and the log), to quote when reporting it
 * @param errors one entry per bad field; absent when the problem is not about fields
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record Problem(String type, String title, int status, String detail, String code, String requestId,
               List<FieldError> errors) {
    static final String TYPE_PREFIX = "urn:almanac:problem:";
    static final String MEDIA_TYPE = "application/problem+json";

    /** At most this many field errors are listed, so an error answer is never much larger than its request. */
    static final int MAX_ERRORS = 50;

    static Problem of(int status, String code, String detail, List<FieldError> errors) {
        return new Problem(TYPE_PREFIX + code, titleOf(status), status, detail, code, null, capped(errors));
    }

    /** This problem, naming the request it answers. */
    Problem forRequest(String id) {
        return new Problem(type, title, status, detail, code, id, errors);
    }

    private static List<FieldError> capped(List<FieldError> errors) {
        if (errors == null || errors.isEmpty()) {
            return null;
        }
        if (errors.size() <= MAX_ERRORS) {
            return List.copyOf(errors);
        }
        var kept = new java.util.ArrayList<>(errors.subList(0, MAX_ERRORS));
        kept.add(new FieldError("", "request.too_many_errors",
                (errors.size() - MAX_ERRORS) + " more errors are not listed; fix these first"));
        return List.copyOf(kept);
    }

    /** One bad field: {@code field} is a dotted path in the client's vocabulary, e.g. {@code start.dateTime}. */
    record FieldError(String field, String code, String message) {
    }

    private static String titleOf(int status) {
        switch (status) {
            case 400: return "Bad Request";
            case 401: return "Unauthorized";
            case 403: return "Forbidden";
            case 404: return "Not Found";
            case 405: return "Method Not Allowed";
            case 409: return "Conflict";
            case 412: return "Precondition Failed";
            case 413: return "Content Too Large";
            case 415: return "Unsupported Media Type";
            case 422: return "Unprocessable Content";
            case 429: return "Too Many Requests";
            case 503: return "Service Unavailable";
            default: return status >= 500 ? "Internal Server Error" : "Error";
        }
    }
}
