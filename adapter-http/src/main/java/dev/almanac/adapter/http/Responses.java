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

    void created(Context ctx, String location, long version, Object body) {
        ctx.header("Location", location);
        resource(ctx, 201, version, body);
    }
}
