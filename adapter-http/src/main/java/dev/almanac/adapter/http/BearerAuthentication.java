package dev.almanac.adapter.http;

import dev.almanac.application.account.AuthenticateApiKeyUseCase;
import dev.almanac.application.account.IdentifyCallerUseCase;
import dev.almanac.application.port.AccessTokens.Subject;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeySecret;
import dev.almanac.domain.apikey.ScopeMissingException;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ForbiddenException;
import io.javalin.http.Context;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The auth check: every route not {@link Routes.Access#PUBLIC} needs a credential, either an access token
 * ({@code Authorization: Bearer <token>}, checked by {@link IdentifyCallerUseCase}: signature, then its session, ADR 0015) or an API key
 * ({@code X-API-Key: <key>}, or {@code Authorization: Bearer <key>}: keys start {@code alm_}, tokens never do),
 * checked by {@link AuthenticateApiKeyUseCase} and then held to the scope the route needs. The account the
 * credential speaks for is kept on the request for {@link #caller(Context)}, and a token's session for
 * {@link #session(Context)}. Authenticated responses are never
 * cached. Credentials in the query string are refused, never used: URLs end up in logs and browser histories.
 */
final class BearerAuthentication {
    static final String API_KEY_HEADER = "X-API-Key";
    /** Query parameters a client might put a credential in; they are refused on protected routes. */
    private static final Set<String> CREDENTIAL_PARAMETERS = Set.of("api_key", "apiKey", "apikey", "access_token");

    private static final String ATTRIBUTE = "almanac.caller";
    private static final String SESSION = "almanac.session";
    /**
     * The characters of {@code token68} (RFC 9110 §11.2) but {@code =}, by code: a table, because
     * {@link #bearerCredential} looks at every character of a token of several hundred on every request.
     */
    private static final boolean[] TOKEN68 = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            TOKEN68[c] = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                    || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
        }
    }

    private final IdentifyCallerUseCase identify;
    private final AuthenticateApiKeyUseCase apiKeys;

    BearerAuthentication(IdentifyCallerUseCase identify, AuthenticateApiKeyUseCase apiKeys) {
        this.identify = identify;
        this.apiKeys = apiKeys;
    }

    /**
     * Runs first in every route's handler ({@link Routes#register}) with the access the route needs: a public route
     * passes, every other route demands a valid credential.
     */
    void check(Context ctx, Routes.Access access) {
        if (access instanceof Routes.Access.Public) {
            return;
        }
        ctx.header("Cache-Control", "no-store");
        refuseCredentialsInQuery(ctx);
        List<String> authorization = headers(ctx, "Authorization");
        List<String> apiKey = headers(ctx, API_KEY_HEADER);
        if (authorization.size() > 1) {
            throw HttpProblem.badRequest("request.invalid_header", "Send one Authorization header, not several");
        }
        if (apiKey.size() > 1) {
            throw HttpProblem.badRequest("request.invalid_header", "Send one X-API-Key header, not several");
        }
        if (!authorization.isEmpty() && !apiKey.isEmpty()) {
            throw HttpProblem.badRequest("request.ambiguous_credentials",
                    "Send either Authorization or X-API-Key, not both");
        }
        if (!apiKey.isEmpty()) {
            ctx.attribute(ATTRIBUTE, byApiKey(ctx, access, apiKey.get(0)));
            return;
        }
        String header = authorization.isEmpty() ? null : authorization.get(0);
        if (header == null || header.isBlank()) {
            throw new AuthenticationException("auth.token_missing", "This route needs a credential: "
                    + "Authorization: Bearer <token> from POST /v1/auth/token, or an API key in X-API-Key");
        }
        String credential = bearerCredential(header);
        if (credential == null) {
            throw new AuthenticationException("auth.token_invalid",
                    "The Authorization header must be 'Bearer <token>'");
        }
        if (ApiKeySecret.isMarked(credential)) {
            ctx.attribute(ATTRIBUTE, byApiKey(ctx, access, credential));
            return;
        }
        Subject subject = identify.identify(credential);
        ctx.attribute(ATTRIBUTE, subject.account());
        ctx.attribute(SESSION, subject.session());
    }

    /** The authenticated account, if a token named one on this request. */
    static java.util.Optional<AccountId> callerIfAny(Context ctx) {
        return java.util.Optional.ofNullable(ctx.attribute(ATTRIBUTE));
    }

    /**
     * The credential of an {@code Authorization: Bearer <credential>} header (RFC 6750 §2.1: the scheme in any
     * case, one or more spaces, then {@code b64token}, trailing spaces allowed), or {@code null} when the header
     * has another shape. A loop rather than a regular expression: it runs on every request.
     */
    static String bearerCredential(String header) {
        int length = header.length();
        if (length < 8 || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        int start = 7;
        while (start < length && header.charAt(start) == ' ') {
            start++;
        }
        int end = start;
        while (end < length && isToken68(header.charAt(end))) {
            end++;
        }
        if (end == start) {
            return null;
        }
        while (end < length && header.charAt(end) == '=') {
            end++;
        }
        int credentialEnd = end;
        while (end < length && header.charAt(end) == ' ') {
            end++;
        }
        return end == length ? header.substring(start, credentialEnd) : null;
    }

    private static boolean isToken68(char c) {
        return c < 128 && TOKEN68[c];
    }

    /** An API key authenticates (401 if not), then must be allowed on this route (403 if not). */
    private AccountId byApiKey(Context ctx, Routes.Access access, String presented) {
        ApiKey key = apiKeys.authenticate(presented);
        // Named before any refusal below, so a 403 is audited with the key's account.
        ctx.attribute(ATTRIBUTE, key.account());
        if (access instanceof Routes.Access.Scoped scoped) {
            try {
                key.require(scoped.scope());
            } catch (ScopeMissingException e) {
                // RFC 6750 §3.1: the scope that would have been enough.
                ctx.header("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\""
                        + e.needed().wireName() + "\"");
                throw e;
            }
            return key.account();
        }
        throw new ForbiddenException("auth.session_required",
                "API keys cannot manage the account (its API keys, sessions or password); sign in instead");
    }

    private static void refuseCredentialsInQuery(Context ctx) {
        for (Map.Entry<String, List<String>> parameter : ctx.queryParamMap().entrySet()) {
            boolean named = CREDENTIAL_PARAMETERS.contains(parameter.getKey());
            boolean shaped = parameter.getValue().stream().anyMatch(ApiKeySecret::isShaped);
            if (named || shaped) {
                throw HttpProblem.badRequest("request.credentials_in_query", "Credentials are never read from "
                        + "the query string (URLs are logged); send the API key in X-API-Key, or the token in "
                        + "Authorization, and revoke a key that was sent in a URL");
            }
        }
    }

    private static List<String> headers(Context ctx, String name) {
        return Collections.list(ctx.req().getHeaders(name));
    }

    /** The authenticated account; only valid on routes that require a credential. */
    static AccountId caller(Context ctx) {
        AccountId caller = ctx.attribute(ATTRIBUTE);
        if (caller == null) {
            throw new IllegalStateException("no authenticated caller on " + ctx.path());
        }
        return caller;
    }

    /**
     * The session the caller's access token belongs to; only valid on session-only routes, which API keys never
     * reach (they are refused with 403 first).
     */
    static SessionId session(Context ctx) {
        SessionId session = ctx.attribute(SESSION);
        if (session == null) {
            throw new IllegalStateException("no session on " + ctx.path() + ": only session-only routes ask");
        }
        return session;
    }
}
