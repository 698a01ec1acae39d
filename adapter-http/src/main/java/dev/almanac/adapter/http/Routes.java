package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.Routes.Access.PUBLIC;
import static dev.almanac.adapter.http.Routes.Access.SESSION_ONLY;
import static dev.almanac.adapter.http.Routes.Access.needs;
import static dev.almanac.domain.apikey.Scope.ACCOUNT_READ;
import static dev.almanac.domain.apikey.Scope.CALENDARS_READ;
import static dev.almanac.domain.apikey.Scope.CALENDARS_WRITE;
import static dev.almanac.domain.apikey.Scope.EVENTS_READ;
import static dev.almanac.domain.apikey.Scope.EVENTS_WRITE;
import static dev.almanac.domain.apikey.Scope.FEEDS_WRITE;

import dev.almanac.domain.apikey.Scope;
import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.List;
import java.util.Optional;

/** Every route of the API, with what it needs of its caller. Nothing is registered anywhere else. */
final class Routes {

    /**
     * What a route needs of its caller; every route names exactly one (see docs/adr/0014). An access token from
     * signing in passes every non-public route; an API key passes only {@link #needs scoped} routes whose scope it
     * was granted, and never a {@link #SESSION_ONLY} one.
     */
    sealed interface Access extends RouteRole permits Access.Public, Access.SessionOnly, Access.Scoped {
        /** Anyone, no credential. */
        Access PUBLIC = new Public();
        /** Managing the account itself (its sessions, its API keys): a signed-in session only, never an API key. */
        Access SESSION_ONLY = new SessionOnly();

        /** An access token, or an API key granted {@code scope}. */
        static Access needs(Scope scope) {
            return new Scoped(scope);
        }

        record Public() implements Access {
        }

        record SessionOnly() implements Access {
        }

        record Scoped(Scope scope) implements Access {
            public Scoped {
                java.util.Objects.requireNonNull(scope, "scope");
            }
        }
    }

    /**
     * One route. {@code limit} is the per-client-address rate limit it declares, if any (docs/adr/0017); declare one
     * with {@link #limitedBy}.
     */
    record Route(HandlerType method, String path, Access access, Handler handler, Optional<RateLimit> limit) {
        Route(HandlerType method, String path, Access access, Handler handler) {
            this(method, path, access, handler, Optional.empty());
        }

        Route limitedBy(RateLimit rateLimit) {
            return new Route(method, path, access, handler, Optional.of(rateLimit));
        }
    }

    private Routes() {
    }

    static List<Route> table(AccountHandler accounts, CalendarHandler calendars, EventHandler events,
                             HealthHandler health, DocsHandler docs, SessionHandler sessions, JwksHandler jwks,
                             ICalendarHandler ical, FeedHandler feeds, ApiKeyHandler apiKeys, AuditHandler audit,
                             RateLimits limits) {
        String calendar = "/v1/calendars/{calendarId}";
        String event = calendar + "/events/{eventId}";
        return List.of(
                // Javalin tries the routes of a method in this order, one regular expression each, until one
                // matches: the routes clients call most come first. No two routes of a method match one path
                // (ProtocolTest), so the order decides nothing else.
                new Route(HandlerType.GET, event, needs(EVENTS_READ), events::get),
                new Route(HandlerType.PATCH, event, needs(EVENTS_WRITE), events::update),
                new Route(HandlerType.DELETE, event, needs(EVENTS_WRITE), events::delete),
                new Route(HandlerType.POST, calendar + "/events", needs(EVENTS_WRITE), events::create),
                new Route(HandlerType.GET, calendar + "/events", needs(EVENTS_READ), events::list),

                new Route(HandlerType.POST, "/v1/calendars", needs(CALENDARS_WRITE), calendars::create),
                new Route(HandlerType.GET, "/v1/calendars", needs(CALENDARS_READ), calendars::list),
                new Route(HandlerType.GET, calendar, needs(CALENDARS_READ), calendars::get),
                new Route(HandlerType.PATCH, calendar, needs(CALENDARS_WRITE), calendars::update),
                new Route(HandlerType.DELETE, calendar, needs(CALENDARS_WRITE), calendars::delete),

                new Route(HandlerType.GET, calendar + "/ical", needs(EVENTS_READ), ical::export),
                new Route(HandlerType.POST, calendar + "/ical", needs(EVENTS_WRITE), ical::importFile),
                new Route(HandlerType.POST, calendar + "/feeds", needs(FEEDS_WRITE), feeds::create),
                new Route(HandlerType.DELETE, calendar + "/feeds/{feedId}", needs(FEEDS_WRITE), feeds::revoke),
                // Public, but gated by the unguessable token in the path: that token is the feed's credential.
                new Route(HandlerType.GET, "/v1/feeds/{token}", PUBLIC, feeds::read),

                new Route(HandlerType.POST, "/v1/accounts", PUBLIC, accounts::signUp).limitedBy(limits.signUp()),
                new Route(HandlerType.POST, "/v1/accounts/verify", PUBLIC, accounts::verify),
                new Route(HandlerType.POST, "/v1/accounts/verify/resend", PUBLIC, accounts::resendVerification)
                        .limitedBy(limits.resend()),
                new Route(HandlerType.POST, "/v1/me/email", SESSION_ONLY, accounts::changeEmail),
                new Route(HandlerType.POST, "/v1/auth/token", PUBLIC, accounts::token).limitedBy(limits.signIn()),
                new Route(HandlerType.GET, "/v1/me", needs(ACCOUNT_READ), accounts::me),
                new Route(HandlerType.POST, "/v1/me/password", SESSION_ONLY, accounts::changePassword),
                // POST, not DELETE /v1/me: the password travels in a body, which a DELETE may lose (ADR 0015).
                new Route(HandlerType.POST, "/v1/me/delete", SESSION_ONLY, accounts::deleteAccount),
                new Route(HandlerType.POST, "/v1/auth/refresh", PUBLIC, sessions::refresh),
                new Route(HandlerType.POST, "/v1/auth/logout", PUBLIC, sessions::logout),
                new Route(HandlerType.GET, "/v1/me/sessions", SESSION_ONLY, sessions::list),
                new Route(HandlerType.DELETE, "/v1/me/sessions/{sessionId}", SESSION_ONLY, sessions::revoke),
                // The trail shows where the account was used from, like the session list: not for API keys.
                new Route(HandlerType.GET, "/v1/me/audit", SESSION_ONLY, audit::list),
                new Route(HandlerType.POST, "/v1/me/api-keys", SESSION_ONLY, apiKeys::create),
                new Route(HandlerType.GET, "/v1/me/api-keys", SESSION_ONLY, apiKeys::list),
                new Route(HandlerType.DELETE, "/v1/me/api-keys/{apiKeyId}", SESSION_ONLY, apiKeys::revoke),
                new Route(HandlerType.GET, "/.well-known/jwks.json", PUBLIC, jwks::get),

                new Route(HandlerType.GET, "/health", PUBLIC, health::get),
                new Route(HandlerType.GET, "/openapi.yaml", PUBLIC, docs::openApi),
                new Route(HandlerType.GET, "/docs", PUBLIC, docs::index),
                new Route(HandlerType.GET, "/docs/{file}", PUBLIC, docs::asset));
    }

    /**
     * Registers the table. Every route that is not {@link Access#PUBLIC} checks its caller first ({@code
     * authentication}, with the route's own access), then its rate limit if it declares one, then runs its handler.
     * The check is part of the route's handler, not a Javalin {@code beforeMatched} filter: for such a filter
     * Javalin reads a route's path parameters with its regular expression a second time on every request, and a
     * route holds its access anyway. Nothing else registers routes (an ArchUnit rule in bootstrap holds that). Every
     * GET route also answers HEAD with the same handler and access, so HEAD gives the very status and headers GET
     * would (Jetty leaves out the body); Javalin's implicit HEAD would answer 200 without running the handler or the
     * access check.
     */
    static void register(RoutesConfig routes, List<Route> table, PerAddressRateLimiter limiter,
                         BearerAuthentication authentication) {
        for (Route route : table) {
            Handler limited = route.limit().map(limit -> limiter.guard(limit, route.handler()))
                    .orElse(route.handler());
            Handler handler = route.access() instanceof Access.Public ? limited : ctx -> {
                authentication.check(ctx, route.access());
                limited.handle(ctx);
            };
            routes.addHttpHandler(route.method(), route.path(), handler, route.access());
            if (route.method() == HandlerType.GET) {
                routes.addHttpHandler(HandlerType.HEAD, route.path(), handler, route.access());
            }
        }
    }
}
