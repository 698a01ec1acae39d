package dev.almanac.adapter.http.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A small JSON client over {@link HttpClient}. Every response it sees is validated against the OpenAPI document
 * (status, headers, body schema), and every error response against the problem contract:
 * {@code application/problem+json}, the matching {@code status}, a {@code type} built from the {@code code}, and
 * no stack trace, class name or other internals in the body.
 */
public final class JsonHttp {
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1)
            .build();
    private static final List<String> LEAKS = List.of("Exception", "\tat ", "java.", "javax.", "jakarta.",
            "org.eclipse", "io.javalin", "com.fasterxml", "dev.almanac", "SELECT ", "Caused by");

    /** Answers to requests outside the documented routes, which the OpenAPI validator cannot place. */
    private static final java.util.Set<String> UNDOCUMENTED = java.util.Set.of("route.not_found",
            "request.method_not_allowed");

    private final URI base;
    private final String token;

    JsonHttp(URI base) {
        this(base, null);
    }

    private JsonHttp(URI base, String token) {
        this.base = base;
        this.token = token;
    }

    /** A client without credentials for the server at {@code base}. */
    public static JsonHttp at(URI base) {
        return new JsonHttp(base);
    }

    public JsonHttp withToken(String bearerToken) {
        return new JsonHttp(base, bearerToken);
    }

    public String token() {
        return token;
    }

    public URI base() {
        return base;
    }

    /**
     * Announces a body of {@code length} bytes on a raw socket and sends none of it, then reads the answer's status
     * line, headers and body up to its {@code code}: what a server that refuses a body by its announced length
     * answers. A client that goes on sending after that answer (the JDK's) races the server closing the connection,
     * which made such tests fail now and then on a busy machine.
     */
    public String announcingTooLargeABody(String method, String path, String contentType, long length) {
        try (var socket = new java.net.Socket(base.getHost(), base.getPort())) {
            socket.setSoTimeout(20_000);
            String authorization = token == null ? "" : "Authorization: Bearer " + token + "\r\n";
            socket.getOutputStream().write((method + " " + path + " HTTP/1.1\r\nHost: localhost\r\n" + authorization
                    + "Content-Type: " + contentType + "\r\nContent-Length: " + length
                    + "\r\nConnection: close\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    java.nio.charset.StandardCharsets.UTF_8));
            StringBuilder answer = new StringBuilder();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                answer.append(line).append('\n');
                if (line.contains("\"code\"")) {
                    break;
                }
            }
            return answer.toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply post(String path, JsonNode body, String... headers) {
        return sendJson("POST", path, body.toString(), headers);
    }

    public Reply patch(String path, JsonNode body, String... headers) {
        return sendJson("PATCH", path, body.toString(), headers);
    }

    public Reply delete(String path, String... headers) {
        return send(request(path, headers).DELETE());
    }

    /** A JSON body given as raw text (to send malformed JSON, say); Content-Type application/json. */
    public Reply sendJson(String method, String path, String rawBody, String... headers) {
        List<String> all = new ArrayList<>(List.of("Content-Type", "application/json"));
        for (int i = 0; i < headers.length; i += 2) {
            if (headers[i].equalsIgnoreCase("Content-Type")) {
                all.subList(0, 2).clear();
            }
        }
        all.addAll(List.of(headers));
        return send(request(path, all.toArray(String[]::new))
                .method(method, HttpRequest.BodyPublishers.ofString(rawBody)));
    }

    /** Any request; the token, if any, is added unless the headers carry an Authorization of their own. */
    public Reply send(String method, String path, HttpRequest.BodyPublisher body, String... headers) {
        return send(request(path, headers).method(method, body));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(30));
        boolean ownAuthorization = false;
        for (int i = 0; i < headers.length; i += 2) {
            builder.header(headers[i], headers[i + 1]);
            ownAuthorization |= headers[i].equalsIgnoreCase("Authorization");
        }
        if (token != null && !ownAuthorization) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
            // As a browser does: a gzip answer (to a request that accepted it) is read decompressed.
            boolean gzipped = response.body().length > 0
                    && response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
            byte[] bytes = gzipped ? new java.util.zip.GZIPInputStream(
                    new java.io.ByteArrayInputStream(response.body())).readAllBytes() : response.body();
            Reply reply = new Reply(response.statusCode(), response.headers(),
                    new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
            // HEAD mirrors GET without a body: there is nothing to validate, and the document describes the GET.
            boolean head = "HEAD".equals(response.request().method());
            boolean json = reply.header("Content-Type") != null && reply.header("Content-Type").contains("json");
            String code = reply.status() >= 400 && json && !head ? reply.json().path("code").asText() : "";
            if (!UNDOCUMENTED.contains(code) && !head) {
                java.net.URI uri = response.request().uri();
                String path = uri.getRawQuery() == null ? uri.getRawPath() : uri.getRawPath() + "?" + uri.getRawQuery();
                OpenApiContract.load().assertResponseMatches(response.request().method(), path,
                        response.statusCode(), response.headers().map(), reply.body());
            }
            // /health answers 503 with its own body ({status: "DOWN"}), by contract not a problem document.
            if (reply.status() >= 400 && !head && !request.build().uri().getPath().equals("/health")) {
                checkProblem(reply);
            }
            return reply;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    static void checkProblem(Reply reply) {
        assertThat(reply.header("Content-Type")).as("content type of %s", reply.body())
                .startsWith("application/problem+json");
        for (String leak : LEAKS) {
            assertThat(reply.body()).as("error body leaks internals").doesNotContain(leak);
        }
        JsonNode problem = reply.json();
        assertThat(problem.path("status").asInt()).isEqualTo(reply.status());
        assertThat(problem.path("title").asText()).isNotBlank();
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("type").asText()).isEqualTo("urn:almanac:problem:" + problem.path("code").asText());
        assertThat(reply.header("X-Request-Id")).isNotBlank();
    }
}
