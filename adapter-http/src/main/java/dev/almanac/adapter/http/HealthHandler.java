package dev.almanac.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.javalin.http.Context;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@code GET /health}: 200 {@code {status: "UP", version}}, or 503 {@code {status: "DOWN"}} without a database. */
final class HealthHandler {
    private static final Logger LOG = LoggerFactory.getLogger(HealthHandler.class);

    private final BooleanSupplier databaseHealthy;
    private final String version;
    private final Responses responses;

    HealthHandler(BooleanSupplier databaseHealthy, String version, Responses responses) {
        this.databaseHealthy = databaseHealthy;
        this.version = version;
        this.responses = responses;
    }

    void get(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        if (healthy()) {
            responses.json(ctx, 200, new Health("UP", version));
        } else {
            responses.json(ctx, 503, new Health("DOWN", null));
        }
    }

    private boolean healthy() {
        try {
            return databaseHealthy.getAsBoolean();
        } catch (RuntimeException e) {
            LOG.warn("Health check failed", e);
            return false;
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Health(String status, String version) {
    }
}
