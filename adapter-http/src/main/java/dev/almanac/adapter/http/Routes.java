package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.Routes.Access.BEARER;
import static dev.almanac.adapter.http.Routes.Access.PUBLIC;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Handler;
import io.javalin.http.HandlerType;
import io.javalin.security.RouteRole;
import java.util.List;

/** Every route of the API, with who may call it. Nothing is registered anywhere else. */
final class Routes {

    /** Who may call a route. Routes are {@link #BEARER} unless listed {@link #PUBLIC}. */
    enum Access implements RouteRole {
        /** Anyone, no token. */
        PUBLIC,
        /** Only with {@code Authorization: Bearer <access token>}. */
        BEARER
    }

    record Route(HandlerType method, String path, Access access, Handler handler) {
    }

    private Routes() {
    }

    static List<Route> table(AccountHandler accounts, CalendarHandler calendars, EventHandler events,
                             HealthHandler health, DocsHandler docs, SessionHandler sessions, JwksHandler jwks,
                             ICalendarHandler ical, FeedHandler feeds) {
        String calendar = "/v1/calendars/{calendarId}";
        String event = calendar + "/events/{eventId}";
        return List.of(
                new Route(HandlerType.POST, "/v1/accounts", PUBLIC, accounts::signUp),
                new Route(HandlerType.POST, "/v1/accounts/verify", PUBLIC, accounts::verify),
                new Route(HandlerType.POST, "/v1/accounts/verify/resend", PUBLIC, accounts::resendVerification),
                new Route(HandlerType.POST, "/v1/me/email", BEARER, accounts::changeEmail),
                new Route(HandlerType.POST, "/v1/auth/token", PUBLIC, accounts::token),
                new Route(HandlerType.GET, "/v1/me", BEARER, accounts::me),
                new Route(HandlerType.POST, "/v1/auth/refresh", PUBLIC, sessions::refresh),
                new Route(HandlerType.POST, "/v1/auth/logout", PUBLIC, sessions::logout),
                new Route(HandlerType.GET, "/v1/me/sessions", BEARER, sessions::list),
                new Route(HandlerType.DELETE, "/v1/me/sessions/{sessionId}", BEARER, sessions::revoke),
                new Route(HandlerType.GET, "/.well-known/jwks.json", PUBLIC, jwks::get),

                new Route(HandlerType.POST, "/v1/calendars", BEARER, calendars::create),
                new Route(HandlerType.GET, "/v1/calendars", BEARER, calendars::list),
                new Route(HandlerType.GET, calendar, BEARER, calendars::get),
                new Route(HandlerType.PATCH, calendar, BEARER, calendars::update),
                new Route(HandlerType.DELETE, calendar, BEARER, calendars::delete),

                new Route(HandlerType.POST, calendar + "/events", BEARER, events::create),
                new Route(HandlerType.GET, calendar + "/events", BEARER, events::list),
                new Route(HandlerType.GET, event, BEARER, events::get),
                new Route(HandlerType.PATCH, event, BEARER, events::update),
                new Route(HandlerType.DELETE, event, BEARER, events::delete),

                new Route(HandlerType.GET, calendar + "/ical", BEARER, ical::export),
                new Route(HandlerType.POST, calendar + "/ical", BEARER, ical::importFile),
                new Route(HandlerType.POST, calendar + "/feeds", BEARER, feeds::create),
                new Route(HandlerType.DELETE, calendar + "/feeds/{feedId}", BEARER, feeds::revoke),
                // Public, but gated by the unguessable token in the path: that token is the feed's credential.
                new Route(HandlerType.GET, "/v1/feeds/{token}", PUBLIC, feeds::read),

                new Route(HandlerType.GET, "/health", PUBLIC, health::get),
                new Route(HandlerType.GET, "/openapi.yaml", PUBLIC, docs::openApi),
                new Route(HandlerType.GET, "/docs", PUBLIC, docs::index),
                new Route(HandlerType.GET, "/docs/{file}", PUBLIC, docs::asset));
    }

    /**
     * Registers the table. Every GET route also answers HEAD with the same handler and access, so HEAD gives the
     * very status and headers GET would (Jetty leaves out the body); Javalin's implicit HEAD would answer 200
     * without running the handler or the access check.
     */
    static void register(RoutesConfig routes, List<Route> table) {
        for (Route route : table) {
            routes.addHttpHandler(route.method(), route.path(), route.handler(), route.access());
            if (route.method() == HandlerType.GET) {
                routes.addHttpHandler(HandlerType.HEAD, route.path(), route.handler(), route.access());
            }
        }
    }
}
