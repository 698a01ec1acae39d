package dev.almanac.adapter.http;

import static java.util.Objects.requireNonNull;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.almanac.application.account.AccountUseCases;
import dev.almanac.application.audit.AuditUseCases;
import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.event.EventUseCases;
import dev.almanac.application.feed.FeedUseCases;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.compression.Gzip;
import io.javalin.json.JavalinJackson;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.eclipse.jetty.server.handler.GracefulHandler;

/**
 * The Almanac JSON API over HTTP: Javalin on Jetty, routes under {@code /v1} (see {@link Routes}), problem+json
 * errors (see {@link ErrorMapper}), bearer-token authentication, {@code /health}, {@code /openapi.yaml} and
 * Swagger UI at {@code /docs}.
 *
 * <pre>{@code
 * try (HttpApi api = HttpApi.create(settings, accounts, calendars, events, feeds, audit, database::isUp, jwks,
 *         clock).start()) {
 *     ... api.port() ...
 * }
 * }</pre>
 */
public final class HttpApi implements AutoCloseable {
    /** How long {@link #close()} lets requests in flight finish. */
    private static final long STOP_TIMEOUT_MILLIS = 10_000;

    private final HttpSettings settings;
    private final Javalin app;
    private final List<Routes.Route> routes;

    private HttpApi(HttpSettings settings, Javalin app, List<Routes.Route> routes) {
        this.settings = settings;
        this.app = app;
        this.routes = routes;
    }

    /**
     * @param jwks  the JSON Web Key Set to publish at {@code /.well-known/jwks.json}
     * @param clock the time the rate limiters' buckets refill by
     */
    public static HttpApi create(HttpSettings settings, AccountUseCases accounts, CalendarUseCases calendars,
                                 EventUseCases events, FeedUseCases feeds, AuditUseCases audit,
                                 BooleanSupplier databaseHealthy, Supplier<Map<String, Object>> jwks, Clock clock) {
        requireNonNull(jwks, "jwks");
        requireNonNull(audit, "audit");
        requireNonNull(clock, "clock");
        requireNonNull(settings, "settings");
        requireNonNull(accounts, "accounts");
        requireNonNull(calendars, "calendars");
        requireNonNull(events, "events");
        requireNonNull(feeds, "feeds");
        requireNonNull(databaseHealthy, "databaseHealthy");

        ObjectMapper json = Json.mapper();
        var bodies = new JsonBodies(json, settings.maxBodyBytes());
        var responses = new Responses(json);
        List<Routes.Route> table = Routes.table(
                new AccountHandler(accounts, bodies, responses),
                new CalendarHandler(calendars, bodies, responses),
                new EventHandler(events, bodies, responses, json),
                new HealthHandler(databaseHealthy, settings.version(), responses),
                new DocsHandler(),
                new SessionHandler(accounts, bodies, responses),
                new JwksHandler(jwks, responses),
                new ICalendarHandler(events, calendars, bodies, responses, settings.version()),
                new FeedHandler(feeds, settings.version(), settings.publicUrl(), responses),
                new ApiKeyHandler(accounts, bodies, responses),
                new AuditHandler(audit.trail(), responses),
                settings.rateLimits());
        var authentication = new BearerAuthentication(accounts.identifyCaller(), accounts.authenticateApiKey());
        var errors = new ErrorMapper(json, new AccessDenials(audit.accessDenied()));
        var addresses = new ClientAddresses(settings.trustedProxies());
        var limits = settings.rateLimits();
        var limiter = new PerAddressRateLimiter(clock, java.util.stream.Stream.of(limits.signIn(), limits.signUp(),
                limits.resend()).map(RateLimit::period).max(java.util.Comparator.naturalOrder()).orElseThrow());

        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.concurrency.useVirtualThreads = settings.virtualThreads();
            config.jsonMapper(new JavalinJackson(json, settings.virtualThreads()));
            config.http.maxRequestSize = settings.maxBodyBytes();
            config.http.prefer405over404 = true;
            config.http.compressionStrategy = compression();
            config.http.responseBufferSize = RESULT_COPY_BUFFER_BYTES;
            config.jetty.modifyServer(server -> {
                server.setHandler(new GracefulHandler());
                server.setStopTimeout(STOP_TIMEOUT_MILLIS);
                server.setErrorHandler(new ProtocolErrorHandler());
            });
            config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new ProtocolErrorHandler()));
            config.requestLogger.http(RequestLog::log);

            config.routes.before(RequestLog::assignId);
            config.routes.before(addresses::assign);
            Routes.register(config.routes, table, limiter, authentication);
            // A response without content names no content type (Javalin's default is text/plain). Every other
            // answer may come gzipped or plain depending on Accept-Encoding, so shared caches must keep them apart
            // (RFC 9110 §12.5.5): the docs and the key set are cacheable.
            config.routes.after(ctx -> {
                if (ctx.statusCode() == 204 || ctx.statusCode() == 202 && ctx.result() == null) {
                    ctx.res().setContentType(null);
                } else {
                    ctx.header("Vary", "Accept-Encoding");
                }
            });
            errors.register(config.routes);
        });
        return new HttpApi(settings, app, table);
    }

    /** Binds the port and starts serving. */
    public HttpApi start() {
        app.start(settings.host(), settings.port());
        return this;
    }

    /** The port the server listens on, the real one when {@link HttpSettings#port()} was 0. */
    public int port() {
        return app.port();
    }

    /** Every route as {@code "METHOD /path"}, with path parameters in braces, e.g. {@code GET /v1/me}. */
    public List<String> routes() {
        return routes.stream().map(r -> r.method().name() + " " + r.path()).toList();
    }

    /** The route table itself, with what each route needs of its caller (for tests in this package). */
    List<Routes.Route> table() {
        return routes;
    }

    /** Stops accepting connections, lets requests in flight finish (up to 10 seconds), then stops. */
    @Override
    public void close() {
        app.stop();
    }

    /**
     * The buffer, in bytes, through which Javalin copies each answer from its result to the response; Javalin
     * allocates it anew for every answer. Its default is Jetty's whole output buffer, 32 KiB, which was 40 % of all
     * the memory a get allocated in a flight recording of the benchmark (the answer itself is under 1 KiB), and so
     * set the pace of young collections. Javalin decides on compression by the length of the first write, against
     * its threshold of {@value #COMPRESSION_THRESHOLD_BYTES} bytes: a buffer at least that large leaves what gets
     * compressed unchanged. Jetty gathers writes of up to 8 KiB in its 32 KiB output buffer, so an uncompressed
     * answer of 8 to 32 KiB, which used to go out in one write, chunked, is now gathered whole and sent with its
     * {@code Content-Length}.
     */
    static final int RESULT_COPY_BUFFER_BYTES = 4096;
    /** Javalin's default threshold for compressing an answer (Javalin 7.2.3). */
    static final int COMPRESSION_THRESHOLD_BYTES = 1500;

    /** The media types Almanac answers with; none of them is compressed already. */
    static final List<String> OWN_MEDIA_TYPES = List.of("application/json", Problem.MEDIA_TYPE,
            ICalendarHandler.TEXT_CALENDAR, "application/yaml; charset=utf-8", "text/html; charset=utf-8");

    /**
     * Javalin's gzip compression (answers of at least 1,500 bytes, when the client accepts gzip), told up front that
     * our own media types may be compressed. For every answer Javalin otherwise decides by searching the content
     * type, ignoring case, for each of ten "already compressed" types (images, archives, ...) before it even looks
     * at the size: 5 % of a get's CPU in a flight recording of the benchmark. A type in the allowed list is
     * recognised by one comparison. What gets compressed does not change.
     */
    static CompressionStrategy compression() {
        CompressionStrategy gzip = new CompressionStrategy(null, new Gzip());
        gzip.setDefaultMinSizeForCompression(COMPRESSION_THRESHOLD_BYTES);
        List<String> allowed = new java.util.ArrayList<>(OWN_MEDIA_TYPES);
        allowed.addAll(gzip.getAllowedMimeTypes());
        gzip.setAllowedMimeTypes(List.copyOf(allowed));
        return gzip;
    }
}
