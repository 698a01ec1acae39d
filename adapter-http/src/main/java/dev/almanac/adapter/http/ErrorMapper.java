package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.DomainException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.StaleVersionException;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where failures become HTTP responses. Each kind of domain failure maps to one status; the
 * adapter's own failures carry theirs. Every error body is {@code application/problem+json}; none carries a
 * stack trace, a class name or SQL. Anything unexpected is a 500 with a generic detail and the request id, and
 * its stack trace goes to the server log only.
 */
final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private final ObjectMapper json;
    private final AccessDenials denials;

    ErrorMapper(ObjectMapper json, AccessDenials denials) {
        this.json = json;
        this.denials = denials;
    }

    void register(RoutesConfig routes) {
        routes.exception(DomainException.class, (e, ctx) -> {
            Problem problem = domain(e, ctx);
            denials.note(ctx, problem.status());
            write(ctx, problem);
        });
        routes.exception(HttpProblem.class, (e, ctx) -> {
            if (e.retryAfterSeconds() > 0) {
                ctx.header("Retry-After", Long.toString(e.retryAfterSeconds()));
            }
            write(ctx, Problem.of(e.status(), e.code(), e.getMessage(), e.errors()));
        });
        routes.exception(HttpResponseException.class, (e, ctx) -> write(ctx, framework(e, ctx)));
        routes.exception(Exception.class, (e, ctx) -> write(ctx, unexpected(e, ctx)));
    }

    /** not found 404, conflict 409 (a stale version: 412 when the client sent If-Match), rules 422. */
    static Problem domain(DomainException e, Context ctx) {
        if (e instanceof NotFoundException) {
            return Problem.of(404, e.code(), e.getMessage(), null);
        }
        if (e instanceof StaleVersionException) {
            if (Preconditions.sentIfMatch(ctx)) {
                HttpProblem stale = Preconditions.stale();
                return Problem.of(412, stale.code(), stale.getMessage(), null);
            }
            return Problem.of(409, e.code(), e.getMessage(), null);
        }
        if (e instanceof ConflictException) {
            return Problem.of(409, e.code(), e.getMessage(), null);
        }
        if (e instanceof RuleViolationException violation) {
            List<Problem.FieldError> errors = violation.violations().stream()
                    .map(v -> new Problem.FieldError(v.field(), v.code(), v.message()))
                    .toList();
            return Problem.of(422, e.code(), e.getMessage(), errors);
        }
        if (e instanceof ForbiddenException) {
            return Problem.of(403, e.code(), e.getMessage(), null);
        }
        if (e instanceof AuthenticationException) {
            // RFC 6750 §3.1: no error code when the request carried no credentials (or sign-in failed).
            boolean tokenRejected = !"auth.invalid_credentials".equals(e.code()) && !"auth.token_missing".equals(e.code())
                    && !"auth.account_disabled".equals(e.code());
            ctx.header("WWW-Authenticate", tokenRejected ? "Bearer error=\"invalid_token\"" : "Bearer");
            return Problem.of(401, e.code(), e.getMessage(), null);
        }
        throw new IllegalStateException("unmapped domain exception " + e.getClass().getName());
    }

    /** Javalin's own answers: no route (404), a route without this method (405), a body over its limit. */
    private static Problem framework(HttpResponseException e, Context ctx) {
        switch (e.getStatus()) {
            case 404:
                return Problem.of(404, "route.not_found", "There is no " + ctx.method() + " " + RequestLog.shownPath(ctx)
                        + "; see /openapi.yaml for the routes", null);
            case 405: {
                String allowed = e.getDetails().values().stream().findFirst().orElse("");
                if (!allowed.isEmpty()) {
                    ctx.header("Allow", allowed);
                }
                return Problem.of(405, "request.method_not_allowed",
                        ctx.method() + " is not allowed here" + (allowed.isEmpty() ? "" : "; allowed: " + allowed),
                        null);
            }
            case 413:
                return Problem.of(413, "request.body_too_large", "The request body is too large", null);
            default:
                if (e.getStatus() >= 400 && e.getStatus() < 500) {
                    return Problem.of(e.getStatus(), "request.rejected", "The request was rejected", null);
                }
                return unexpected(e, ctx);
        }
    }

    private static Problem unexpected(Exception e, Context ctx) {
        String requestId = RequestLog.requestId(ctx);
        if (isStorageOutage(e)) {
            LOG.warn("Storage unavailable handling {} {} (request {}): {}", ctx.method(), RequestLog.shownPath(ctx),
                    requestId,
                    rootMessage(e));
            ctx.header("Retry-After", "5");
            return Problem.of(503, "service.unavailable",
                    "The service cannot reach its database right now; nothing was changed. Retry shortly.", null);
        }
        LOG.error("Unexpected failure handling {} {} (request {})", ctx.method(), RequestLog.shownPath(ctx), requestId,
                e);
        return Problem.of(500, "server.error",
                "Something went wrong on our side. If it persists, report request id " + requestId, null);
    }

    /**
     * Whether a failure is the database being out of reach (no connection within the pool's timeout, the
     * connection refused or cut, the server shutting down): SQL states of class 08 and 57P, or a transient
     * connection exception anywhere in the cause chain. Those answer 503 so clients retry instead of reporting
     * a bug.
     */
    static boolean isStorageOutage(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof java.sql.SQLTransientConnectionException
                    || t instanceof java.sql.SQLNonTransientConnectionException) {
                return true;
            }
            if (t instanceof java.sql.SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void write(Context ctx, Problem problem) {
        try {
            ctx.status(problem.status())
                    .contentType(Problem.MEDIA_TYPE)
                    .result(Json.write(json, problem.forRequest(RequestLog.requestId(ctx))));
        } catch (RuntimeException failure) {
            LOG.error("Could not write a problem response (request {})", RequestLog.requestId(ctx), failure);
            ctx.status(500).contentType(Problem.MEDIA_TYPE)
                    .result("{\"type\":\"urn:almanac:problem:server.error\",\"title\":\"Internal Server Error\","
                            + "\"status\":500,\"detail\":\"Something went wrong on our side\",\"code\":\"server.error\"}");
        }
    }
}
