package dev.almanac.adapter.http;

import dev.almanac.domain.shared.NotFoundException;
import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;

/**
 * {@code GET /openapi.yaml} (the hand-written document on the classpath) and Swagger UI at {@code /docs}, served
 * from the swagger-ui webjar: a small index page of our own plus a fixed list of the webjar's files.
 */
final class DocsHandler {
    static final String OPENAPI_RESOURCE = "openapi.yaml";
    private static final String WEBJAR = "META-INF/resources/webjars/swagger-ui/";
    private static final Set<String> ASSETS = Set.of("swagger-ui.css", "swagger-ui-bundle.js",
            "swagger-ui-standalone-preset.js", "index.css", "favicon-32x32.png", "favicon-16x16.png");
    private static final Map<String, String> TYPES = Map.of("css", "text/css; charset=utf-8",
            "js", "text/javascript; charset=utf-8", "png", "image/png");
    private static final String INDEX = """
            <!doctype html>
            <html lang="en">
            <head>
              <meta charset="utf-8">
              <title>Almanac API</title>
              <link rel="stylesheet" href="/docs/swagger-ui.css">
              <link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
            </head>
            <body>
              <div id="swagger-ui"></div>
              <script src="/docs/swagger-ui-bundle.js"></script>
              <script src="/docs/swagger-ui-standalone-preset.js"></script>
              <script>
                window.ui = SwaggerUIBundle({
                  url: "/openapi.yaml",
                  dom_id: "#swagger-ui",
                  presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
                  layout: "StandaloneLayout"
                });
              </script>
            </body>
            </html>
            """;

    private final ClassLoader classLoader = DocsHandler.class.getClassLoader();
    private final String webjarRoot = webjarRoot();

    void openApi(Context ctx) {
        byte[] document = resource(OPENAPI_RESOURCE)
                .orElseThrow(() -> new NotFoundException("docs.not_found", "The OpenAPI document is missing"));
        ctx.contentType("application/yaml; charset=utf-8").result(document);
    }

    void index(Context ctx) {
        ctx.contentType("text/html; charset=utf-8").result(INDEX.getBytes(StandardCharsets.UTF_8));
    }

    void asset(Context ctx) {
        String file = ctx.pathParam("file");
        if (!ASSETS.contains(file) || webjarRoot == null) {
            throw new NotFoundException("docs.not_found", "No such documentation file");
        }
        byte[] content = resource(webjarRoot + file)
                .orElseThrow(() -> new NotFoundException("docs.not_found", "No such documentation file"));
        ctx.header("Cache-Control", "public, max-age=86400");
        ctx.contentType(TYPES.get(file.substring(file.lastIndexOf('.') + 1))).result(content);
    }

    private Optional<byte[]> resource(String name) {
        try (InputStream in = classLoader.getResourceAsStream(name)) {
            return in == null ? Optional.empty() : Optional.of(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The versioned folder of the webjar on the classpath, read from its Maven metadata. */
    private String webjarRoot() {
        try (InputStream in = classLoader.getResourceAsStream("META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version");
            return version == null ? null : WEBJAR + version + "/";
        } catch (IOException e) {
            return null;
        }
    }
}
