package dev.almanac.adapter.http;

import java.util.List;

/**
 * A failure the HTTP adapter itself detects (bad JSON, a wrong content type, a stale precondition), as opposed
 * to the domain's failures. {@link ErrorMapper} turns it into a problem document like any other.
 */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int status;
    private final String code;
    private final transient List<Problem.FieldError> errors;
    /** Seconds for a {@code Retry-After} header; 0 for none. */
    private final long retryAfterSeconds;

    HttpProblem(int status, String code, String detail, List<Problem.FieldError> errors) {
        this(status, code, detail, errors, 0);
    }

    private HttpProblem(int status, String code, String detail, List<Problem.FieldError> errors,
                        long retryAfterSeconds) {
        super(detail, null, false, false);
        this.status = status;
        this.code = code;
        this.errors = List.copyOf(errors);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** 429: this client address has used up a route's rate limit; it may retry after {@code seconds}. */
    static HttpProblem tooManyRequests(long seconds, String detail) {
        return new HttpProblem(429, "request.rate_limited", detail, List.of(), seconds);
    }

    HttpProblem(int status, String code, String detail) {
        this(status, code, detail, List.of());
    }

    static HttpProblem badRequest(String code, String detail) {
        return new HttpProblem(400, code, detail);
    }

    static HttpProblem invalidParameter(String name, String detail) {
        return new HttpProblem(400, "request.invalid_parameter", detail,
                List.of(new Problem.FieldError(name, "request.invalid_parameter", detail)));
    }

    static HttpProblem missingParameter(String name) {
        String detail = "The query parameter '" + name + "' is required";
        return new HttpProblem(400, "request.missing_parameter", detail,
                List.of(new Problem.FieldError(name, "request.missing_parameter", detail)));
    }

    static HttpProblem preconditionFailed(String detail) {
        return new HttpProblem(412, "precondition.failed", detail);
    }

    int status() {
        return status;
    }

    String code() {
        return code;
    }

    List<Problem.FieldError> errors() {
        return errors;
    }

    long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
