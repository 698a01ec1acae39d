package dev.almanac.adapter.http;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.audit.RecordAccessDeniedUseCase;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Puts every 401 and 403 of a protected route in the audit trail, with the route's template (never the concrete
 * path) and the caller when one was authenticated. Public routes audit their own failures (a failed sign-in is a
 * sign-in failure, not a denial). Failing to record never changes the answer: the denial is logged instead.
 */
final class AccessDenials {
    private static final Logger LOG = LoggerFactory.getLogger(AccessDenials.class);

    private final RecordAccessDeniedUseCase audit;

    AccessDenials(RecordAccessDeniedUseCase audit) {
        this.audit = requireNonNull(audit, "audit");
    }

    void note(Context ctx, int status) {
        if ((status != 401 && status != 403) || ctx.routeRoles().contains(Routes.Access.PUBLIC)
                || ctx.routeRoles().isEmpty()) {
            return;
        }
        String route = ctx.method().name() + " " + template(ctx);
        try {
            audit.denied(BearerAuthentication.callerIfAny(ctx), route, Clients.context(ctx));
        } catch (RuntimeException e) {
            LOG.warn("Could not record a {} on {} in the audit trail (request {}): {}", status, route,
                    RequestLog.requestId(ctx), e.toString());
        }
    }

    private static String template(Context ctx) {
        try {
            return ctx.endpoints().matchedHttpEndpoint().path;
        } catch (RuntimeException noEndpoint) {
            return "(no route)";
        }
    }
}
