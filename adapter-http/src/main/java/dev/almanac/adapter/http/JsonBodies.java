package dev.almanac.adapter.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads request bodies: checks the content type (415), refuses bodies over the limit while reading them, also
 * when they come chunked with no Content-Length (413), and parses strict JSON into an object (400).
 */
final class JsonBodies {
    static final Set<String> JSON = Set.of("application/json");
    static final Set<String> JSON_OR_MERGE_PATCH = Set.of("application/json", "application/merge-patch+json");

    private final ObjectMapper mapper;
    private final long maxBytes;

    JsonBodies(ObjectMapper mapper, long maxBytes) {
        this.mapper = mapper;
        this.maxBytes = maxBytes;
    }

    /** The body as a JSON object, given one of the {@code accepted} media types. */
    ObjectNode object(Context ctx, Set<String> accepted) {
        requireContentType(ctx, accepted);
        requireIdentityEncoding(ctx);
        String text = utf8(read(ctx));
        JsonNode node;
        try {
            node = mapper.readTree(text);
        } catch (JsonProcessingException e) {
            throw malformed(e.getLocation());
        } catch (IOException e) {
            throw malformed(null);
        }
        if (node == null || node.isMissingNode()) {
            throw HttpProblem.badRequest("request.malformed_json", "The request body is empty; send a JSON object");
        }
        if (!node.isObject()) {
            throw HttpProblem.badRequest("request.invalid_body", "The request body must be a JSON object");
        }
        return (ObjectNode) node;
    }

    /** A text body of one media type (text/calendar, say): same size, encoding and UTF-8 rules as JSON bodies. */
    String text(Context ctx, String mediaType) {
        requireContentType(ctx, Set.of(mediaType));
        requireIdentityEncoding(ctx);
        return utf8(read(ctx));
    }

    private void requireContentType(Context ctx, Set<String> accepted) {
        String header = ctx.header("Content-Type");
        if (header == null || header.isBlank()) {
            throw new HttpProblem(415, "request.unsupported_media_type",
                    "Send the body with Content-Type: " + expected(accepted));
        }
        String[] parts = header.split(";", -1);
        String mediaType = parts[0].strip().toLowerCase(Locale.ROOT);
        if (!accepted.contains(mediaType)) {
            throw new HttpProblem(415, "request.unsupported_media_type",
                    "Content-Type must be " + expected(accepted));
        }
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].split("=", 2);
            if (parameter.length == 2 && parameter[0].strip().equalsIgnoreCase("charset")) {
                String charset = parameter[1].strip().replace("\"", "");
                if (!charset.equalsIgnoreCase("utf-8")) {
                    throw new HttpProblem(415, "request.unsupported_media_type", "JSON bodies must be UTF-8");
                }
            }
        }
    }

    private static String expected(Set<String> accepted) {
        return String.join(" or ", accepted.stream().sorted().toList());
    }

    private byte[] read(Context ctx) {
        long declared = ctx.req().getContentLengthLong();
        if (declared > maxBytes) {
            throw tooLarge();
        }
        var buffer = new ByteArrayOutputStream(declared > 0 ? (int) declared : 1024);
        byte[] chunk = new byte[8192];
        long total = 0;
        try (InputStream in = ctx.req().getInputStream()) {
            int n;
            while ((n = in.read(chunk)) != -1) {
                total += n;
                if (total > maxBytes) {
                    throw tooLarge();
                }
                buffer.write(chunk, 0, n);
            }
        } catch (IOException e) {
            // The client sent less than it announced, or broke the chunked framing, then stopped.
            throw HttpProblem.badRequest("request.body_incomplete",
                    "The request body ended before it was complete (check Content-Length or the chunked framing)");
        }
        return buffer.toByteArray();
    }

    /**
     * A compressed or otherwise encoded body is refused rather than parsed as if it were plain (RFC 9110 §15.5.16).
     */
    private static void requireIdentityEncoding(Context ctx) {
        String encoding = ctx.header("Content-Encoding");
        if (encoding != null && !encoding.isBlank() && !encoding.strip().equalsIgnoreCase("identity")) {
            throw new HttpProblem(415, "request.unsupported_content_encoding",
                    "Send the body uncompressed: Content-Encoding is not supported");
        }
    }

    /**
     * Decodes strictly: malformed UTF-8 (overlong forms such as C0 AF, which lenient decoders turn into '/'), a
     * UTF-16 body, or any other byte sequence that is not UTF-8 is refused, never guessed at.
     */
    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw HttpProblem.badRequest("request.invalid_encoding", "The request body must be UTF-8 encoded JSON");
        }
    }

    private HttpProblem tooLarge() {
        return new HttpProblem(413, "request.body_too_large",
                "The request body must be at most " + maxBytes + " bytes");
    }

    private static HttpProblem malformed(JsonLocation location) {
        String where = location == null || location.getLineNr() < 0 ? ""
                : " (line " + location.getLineNr() + ", column " + location.getColumnNr() + ")";
        return HttpProblem.badRequest("request.malformed_json", "The request body is not valid JSON" + where);
    }
}
