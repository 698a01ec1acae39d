package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.almanac.domain.security.Session;

/** The bodies of refresh, sign-out and {@code /v1/me/sessions}. */
final class SessionBodies {
    private SessionBodies() {
    }

    /** {@code POST /v1/auth/refresh} and {@code POST /v1/auth/logout}. */
    record RefreshTokenRequest(String refreshToken) {
        static RefreshTokenRequest read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "refreshToken");
            var request = new RefreshTokenRequest(fields.text("refreshToken"));
            fields.throwIfInvalid();
            return request;
        }

        @Override
        public String toString() {
            return "RefreshTokenRequest[redacted]";
        }
    }

    /** A session as its owner sees it: never a token or a hash. */
    record SessionResponse(String id, String createdAt, String lastUsedAt, String expiresAt, String ip,
                           String userAgent) {
        static SessionResponse from(Session session) {
            return new SessionResponse(session.id().toString(), session.createdAt().toString(),
                    session.lastUsedAt().toString(), session.expiresAt().toString(), session.client().ip(),
                    session.client().userAgent());
        }
    }
}
