package dev.almanac.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.almanac.application.audit.AuditTrailUseCase;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.security.Client;
import io.javalin.http.Context;

/** {@code GET /v1/me/audit}: the caller's own audit trail, newest first, a page at a time. */
final class AuditHandler {
    private final AuditTrailUseCase trail;
    private final Responses responses;

    AuditHandler(AuditTrailUseCase trail, Responses responses) {
        this.trail = trail;
        this.responses = responses;
    }

    void list(Context ctx) {
        var query = new AuditTrailUseCase.Query(BearerAuthentication.caller(ctx),
                RequestParams.integer(ctx, "limit"), RequestParams.text(ctx, "cursor"));
        responses.json(ctx, 200, PageResponse.from(trail.trail(query), AuditEntryResponse::from));
    }

    /**
     * One entry as its account sees it. {@code ip} and {@code userAgent} are absent once forgotten; {@code subject}
     * is absent when the event concerns nothing but the account.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record AuditEntryResponse(String id, String at, String event, String outcome, String ip, String userAgent,
                              String requestId, String subject) {
        static AuditEntryResponse from(AuditEntry entry) {
            boolean forgotten = entry.client().equals(Client.UNKNOWN);
            return new AuditEntryResponse(entry.id().toString(), entry.at().toString(), entry.event().code(),
                    entry.outcome().code(), forgotten ? null : entry.client().ip(),
                    forgotten ? null : entry.client().userAgent(), entry.requestId().value(),
                    entry.subject().orElse(null));
        }
    }
}
