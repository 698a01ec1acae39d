package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;

/** Writes JSON bodies and the headers that go with single resources. */
final class Responses {
    private final ObjectMapper json;

    Responses(ObjectMapper json) {
        this.json = json;
    }

    void json(Context ctx, int status, Object body) {
        ctx.status(status).contentType("application/json").result(Json.write(json, body));
    }

    /** A single resource: its ETag, and 304 instead of the body when {@code If-None-Match} names it. */
    void resource(Context ctx, int status, long version, Object body) {
        ctx.header("ETag", Preconditions.etag(version));
        if (status == 200 && Preconditions.notModified(ctx, version)) {
            ctx.status(304);
            return;
        }
        json(ctx, status, body);
    }

    /**
     * A single resource that carries no version (an account): its strong ETag is a digest of the representation,
     * and a GET whose {@code If-None-Match} names it answers 304.
     */
    void representation(Context ctx, int status, Object body) {
        byte[] bytes = Json.write(json, body);
        String etag = "\"" + digest(bytes) + "\"";
        ctx.header("ETag", etag);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (status == 200 && ifNoneMatch != null
                && java.util.Arrays.stream(ifNoneMatch.split(",")).map(String::strip)
                        .anyMatch(tag -> tag.equals("*") || tag.equals(etag) || tag.equals("W/" + etag))) {
            ctx.status(304);
            return;
        }
        ctx.status(status).contentType("application/json").result(bytes);
    }

    private static String digest(byte[] bytes) {
        try {
            byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return java.util.HexFormat.of().formatHex(hash, 0, 16);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    void created(Context ctx, String location, long version, Object body) {
        ctx.header("Location", location);
        resource(ctx, 201, version, body);
    }
}
