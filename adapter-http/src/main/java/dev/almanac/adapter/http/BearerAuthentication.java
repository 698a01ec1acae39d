package dev.almanac.adapter.http;

import dev.almanac.application.account.IdentifyCallerUseCase;
import dev.almanac.application.port.AccessTokens.Subject;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.AuthenticationException;
import io.javalin.http.Context;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The auth filter: every route not marked {@link Routes.Access#PUBLIC} needs {@code Authorization: Bearer
 * <token>}. The token is checked by {@link IdentifyCallerUseCase} (signature, then its session, ADR 0015); the
 * account and session it names are kept on the request for {@link #caller(Context)} and {@link #session(Context)}.
 * Authenticated responses are never cached.
 */
final class BearerAuthentication {
    private static final String ATTRIBUTE = "almanac.caller";
    private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9\\-._~+/]+=*) *");

    private final IdentifyCallerUseCase identify;

    BearerAuthentication(IdentifyCallerUseCase identify) {
        this.identify = identify;
    }

    /** Runs before every matched route; public routes pass, every other route demands a valid token. */
    void filter(Context ctx) {
        if (ctx.routeRoles().contains(Routes.Access.PUBLIC)) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        if (java.util.Collections.list(ctx.req().getHeaders("Authorization")).size() > 1) {
            throw HttpProblem.badRequest("request.invalid_header", "Send one Authorization header, not several");
        }
        String header = ctx.header("Authorization");
        if (header == null || header.isBlank()) {
            throw new AuthenticationException("auth.token_missing",
                    "This route needs an access token: send Authorization: Bearer <token> from POST /v1/auth/token");
        }
        Matcher matcher = BEARER.matcher(header);
        if (!matcher.matches()) {
            throw new AuthenticationException("auth.token_invalid",
                    "The Authorization header must be 'Bearer <token>'");
        }
        ctx.attribute(ATTRIBUTE, identify.identify(matcher.group(1)));
    }

    /** The authenticated account; only valid on routes that require a token. */
    static AccountId caller(Context ctx) {
        return subject(ctx).account();
    }

    /** The session the caller's token belongs to; only valid on routes that require a token. */
    static SessionId session(Context ctx) {
        return subject(ctx).session();
    }

    private static Subject subject(Context ctx) {
        Subject subject = ctx.attribute(ATTRIBUTE);
        if (subject == null) {
            throw new IllegalStateException("no authenticated caller on " + ctx.path());
        }
        return subject;
    }
}
