package dev.almanac.adapter.http.testing;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * The hand-written OpenAPI document ({@code /openapi.yaml} on the classpath) as a test oracle.
 *
 * <p>HTTP tests hand every response they receive to {@link #assertResponseMatches}: a status the document does
 * not list for the route, a missing documented header ({@code ETag}, {@code Location}, {@code WWW-Authenticate}),
 * a wrong content type or a body that breaks the schema fails the test with the validator's messages. The route
 * test compares {@link #documentedOperations()} with the routes the server registers.
 *
 * <p>The document is read once per JVM; the class is thread-safe.
 */
public final class OpenApiContract {

    /** Where the document lives on the classpath, and the path the server serves it at. */
    public static final String DOCUMENT = "/openapi.yaml";

    private static final OpenApiContract INSTANCE = new OpenApiContract(readDocument());

    private final OpenApiInteractionValidator validator;
    private final Set<String> operations;

    private OpenApiContract(String yaml) {
        this.validator = OpenApiInteractionValidator.createForInlineApiSpecification(yaml).build();
        this.operations = operationsOf(yaml);
    }

    /** The contract read from the classpath, shared by every test in the JVM. */
    public static OpenApiContract load() {
        return INSTANCE;
    }

    /**
     * Every operation the document describes, as {@code "METHOD /path/{param}"}, e.g.
     * {@code "GET /v1/calendars/{calendarId}"}; methods upper case, path templates as written in the document,
     * sorted.
     */
    public Set<String> documentedOperations() {
        return operations;
    }

    /**
     * Fails with the validator's messages unless the document allows this response to this request.
     *
     * @param method        the request method, e.g. {@code "PATCH"}
     * @param pathWithQuery the request path as sent, with or without its query string, e.g.
     *                      {@code "/v1/calendars/4b0d.../events?from=...&to=..."}
     * @param status        the response status
     * @param headers       the response headers (names in any case)
     * @param body          the response body; {@code null} or empty for none
     */
    public void assertResponseMatches(String method, String pathWithQuery, int status,
                                      Map<String, List<String>> headers, String body) {
        ValidationReport report = validate(method, pathWithQuery, status, headers, body);
        if (report.hasErrors()) {
            throw new AssertionError(describe(method, pathWithQuery, status, body, report));
        }
    }

    /** The same check for a response a {@link java.net.http.HttpClient} received; the request comes with it. */
    public void assertResponseMatches(HttpResponse<String> response) {
        URI uri = response.request().uri();
        String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
        assertResponseMatches(response.request().method(), path, response.statusCode(), response.headers().map(),
                response.body());
    }

    /** The validator's report, for tests that want to look at the messages themselves. */
    public ValidationReport validate(String method, String pathWithQuery, int status,
                                     Map<String, List<String>> headers, String body) {
        var builder = new SimpleResponse.Builder(status);
        headers.forEach((name, values) -> {
            // HTTP/2 pseudo-headers and the like are not response headers the document could describe.
            if (!name.startsWith(":")) {
                builder.withHeader(name, values);
            }
        });
        if (body != null && !body.isEmpty()) {
            builder.withBody(body, UTF_8);
        }
        return validator.validateResponse(pathOnly(pathWithQuery), methodOf(method), builder.build());
    }

    private static Request.Method methodOf(String method) {
        try {
            return Request.Method.valueOf(method.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an HTTP method the validator knows: " + method, e);
        }
    }

    private static String pathOnly(String pathWithQuery) {
        int query = pathWithQuery.indexOf('?');
        return query < 0 ? pathWithQuery : pathWithQuery.substring(0, query);
    }

    private static String describe(String method, String path, int status, String body, ValidationReport report) {
        String messages = report.getMessages().stream()
                .map(m -> "  - [" + m.getLevel() + "] " + m.getKey() + ": " + m.getMessage())
                .collect(Collectors.joining("\n"));
        String shownBody = body == null ? "<none>" : body.length() > 2000 ? body.substring(0, 2000) + "…" : body;
        return "The response to " + method.toUpperCase(Locale.ROOT) + " " + path + " (status " + status
                + ") does not match " + DOCUMENT + ":\n" + messages + "\nbody: " + shownBody;
    }

    private static Set<String> operationsOf(String yaml) {
        var options = new ParseOptions();
        options.setResolve(false);
        var result = new OpenAPIV3Parser().readContents(yaml, null, options);
        OpenAPI api = result.getOpenAPI();
        if (api == null || api.getPaths() == null) {
            throw new IllegalStateException(DOCUMENT + " does not parse: " + result.getMessages());
        }
        var found = new TreeSet<String>();
        api.getPaths().forEach((path, item) -> {
            Map<PathItem.HttpMethod, ?> byMethod = item.readOperationsMap();
            byMethod.keySet().forEach(method -> found.add(method.name() + " " + path));
        });
        return Collections.unmodifiableSortedSet(found);
    }

    private static String readDocument() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream(DOCUMENT)) {
            if (in == null) {
                throw new IllegalStateException(DOCUMENT + " is not on the classpath");
            }
            return new String(in.readAllBytes(), UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
