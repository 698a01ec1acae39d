package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.application.audit.AuditUseCases;
import dev.almanac.application.fakes.InMemoryAuditTrail;
import dev.almanac.application.fakes.MutableClock;
import dev.almanac.application.fakes.SequentialIds;
import dev.almanac.application.port.AccessTokens.Subject;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.security.SessionId;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ForbiddenException;
import io.javalin.Javalin;
import io.javalin.http.HandlerType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A 403 that a handler throws (rather than the authentication check) is driven through a route of this test's
 * own, behind the real authentication check and error mapping.
 */
class AccessDenialsTest {
    private static final SessionId SESSION = new SessionId(UUID.fromString("0190aaaa-0000-7000-8000-0000000000b1"));
    private static final AccountId ADA = new AccountId(UUID.fromString("0190aaaa-0000-7000-8000-00000000000a"));

    private final InMemoryAuditTrail trail = new InMemoryAuditTrail();
    private Javalin app;

    @BeforeEach
    void start() {
        var audit = AuditUseCases.wire(trail, new SequentialIds(), MutableClock.at("2026-03-01T12:00:00Z"));
        var errors = new ErrorMapper(Json.mapper(), new AccessDenials(audit.accessDenied()));
        var authentication = new BearerAuthentication(token -> new Subject(ADA, SESSION), presented -> {
            throw new AuthenticationException("auth.api_key_invalid", "No such key");
        });
        app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.routes.before(RequestLog::assignId);
            Routes.register(config.routes, List.of(new Routes.Route(HandlerType.DELETE, "/v1/things/{thingId}",
                    Routes.Access.SESSION_ONLY, ctx -> {
                        throw new ForbiddenException("thing.forbidden", "Not yours to delete");
                    })), new PerAddressRateLimiter(java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(1)),
                    authentication);
            errors.register(config.routes);
        }).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    @Test
    void a_forbidden_request_is_recorded_with_the_caller_and_the_route_template() throws Exception {
        HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/v1/things/42"))
                .DELETE().header("Authorization", "Bearer any.token.here").header("X-Request-Id", "del-1").build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(reply.statusCode()).isEqualTo(403);
        assertThat(trail.all()).hasSize(1);
        AuditEntry denial = trail.all().get(0);
        assertThat(denial.event()).isEqualTo(AuditEvent.ACCESS_DENIED);
        assertThat(denial.actor()).isEqualTo(Optional.of(ADA));
        assertThat(denial.subject()).contains("DELETE /v1/things/{thingId}");
        assertThat(denial.requestId().value()).isEqualTo("del-1");
    }
}
