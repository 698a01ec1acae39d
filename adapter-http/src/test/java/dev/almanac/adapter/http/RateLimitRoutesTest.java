package dev.almanac.adapter.http;

import static dev.almanac.adapter.http.testing.Json.object;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.http.testing.ApiServer;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.http.testing.Reply;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class RateLimitRoutesTest {
    private static final String PASSWORD = "correct horse battery";
    private static final RateLimits TIGHT = new RateLimits(new RateLimit("sign_in", 3, Duration.ofMinutes(1)),
            new RateLimit("sign_up", 2, Duration.ofHours(1)), new RateLimit("resend", 1, Duration.ofMinutes(15)));

    private ApiServer server;

    @AfterEach
    void stop() {
        server.close();
    }

    private JsonHttp start(List<String> trustedProxies) {
        server = ApiServer.start(TIGHT, trustedProxies);
        return server.client();
    }

    private static Reply signIn(JsonHttp http, String... headers) {
        return http.post("/v1/auth/token", object("email", "ada@example.org", "password", "not the password at all"),
                headers);
    }

    @Nested
    class FromTheSocketPeer {
        @Test
        void the_request_past_the_limit_gets_429_with_retry_after() {
            JsonHttp http = start(List.of());
            for (int i = 0; i < 3; i++) {
                signIn(http).expect(401);
            }

            Reply refused = signIn(http);

            refused.problem(429, "request.rate_limited");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 20L);
        }

        @Test
        void a_refused_request_does_nothing() {
            JsonHttp http = start(List.of());
            for (int i = 0; i < 2; i++) {
                http.post("/v1/accounts", object("email", "user" + i + "@example.org", "password", PASSWORD,
                        "displayName", "User")).expect(201);
            }

            http.post("/v1/accounts", object("email", "third@example.org", "password", PASSWORD,
                    "displayName", "Third")).problem(429, "request.rate_limited");

            assertThat(server.audit().all()).hasSize(2);
            server.clock().advance(Duration.ofHours(1));
            http.post("/v1/accounts", object("email", "third@example.org", "password", PASSWORD,
                    "displayName", "Third")).expect(201);
        }

        @Test
        void the_bucket_refills_as_the_clock_moves() {
            JsonHttp http = start(List.of());
            for (int i = 0; i < 3; i++) {
                signIn(http).expect(401);
            }
            signIn(http).expect(429);

            server.clock().advance(Duration.ofSeconds(20));
            signIn(http).expect(401);
            signIn(http).expect(429);

            server.clock().advance(Duration.ofMinutes(1));
            for (int i = 0; i < 3; i++) {
                signIn(http).expect(401);
            }
            signIn(http).expect(429);
        }

        @Test
        void resending_verification_past_the_limit_gets_429_and_queues_no_mail() {
            JsonHttp http = start(List.of());
            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada")).expect(201);
            server.clock().advance(Duration.ofMinutes(2));
            http.post("/v1/accounts/verify/resend", object("email", "ada@example.org")).expect(202);
            int mails = server.mails().size();
            server.clock().advance(Duration.ofMinutes(2));

            Reply refused = http.post("/v1/accounts/verify/resend", object("email", "ada@example.org"));

            refused.problem(429, "request.rate_limited");
            assertThat(Long.parseLong(refused.header("Retry-After"))).isBetween(1L, 15 * 60L);
            assertThat(server.mails()).hasSize(mails);
            // Counted per client address, not per account; a forwarding header from an untrusted peer changes nothing.
            http.post("/v1/accounts/verify/resend", object("email", "eve@example.org"),
                    "X-Forwarded-For", "203.0.113.5").expect(429);
            server.clock().advance(Duration.ofMinutes(15));
            http.post("/v1/accounts/verify/resend", object("email", "ada@example.org")).expect(202);
            assertThat(server.mails()).hasSize(mails + 1);
        }

        @Test
        void each_route_has_its_own_bucket() {
            JsonHttp http = start(List.of());
            for (int i = 0; i < 3; i++) {
                signIn(http).expect(401);
            }
            signIn(http).expect(429);

            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada")).expect(201);
        }

        @Test
        void a_forwarding_header_from_an_untrusted_peer_is_ignored() {
            JsonHttp http = start(List.of());
            for (int i = 0; i < 3; i++) {
                signIn(http, "X-Forwarded-For", "203.0.113." + i).expect(401);
            }

            signIn(http, "X-Forwarded-For", "203.0.113.99").expect(429);
        }
    }

    @Nested
    class BehindATrustedProxy {
        @Test
        void another_address_is_unaffected() {
            JsonHttp http = start(List.of("127.0.0.1", "::1"));
            for (int i = 0; i < 3; i++) {
                signIn(http, "X-Forwarded-For", "203.0.113.1").expect(401);
            }
            signIn(http, "X-Forwarded-For", "203.0.113.1").expect(429);

            signIn(http, "X-Forwarded-For", "198.51.100.2").expect(401);
        }

        @Test
        void the_client_is_the_rightmost_address_that_is_not_a_trusted_proxy() {
            JsonHttp http = start(List.of("127.0.0.0/8", "10.0.0.0/8"));
            for (int i = 0; i < 3; i++) {
                // The leftmost entry is whatever the client claims; only the hop the proxy added counts.
                signIn(http, "X-Forwarded-For", "192.0.2." + i + ", 203.0.113.1, 10.1.2.3").expect(401);
            }

            signIn(http, "X-Forwarded-For", "192.0.2.77, 203.0.113.1, 10.1.2.3").expect(429);
            signIn(http, "X-Forwarded-For", "203.0.113.2").expect(401);
        }

        @Test
        void the_decided_address_is_what_sessions_and_the_audit_trail_record() {
            JsonHttp http = start(List.of("127.0.0.1", "::1"));
            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada"), "X-Forwarded-For", "198.51.100.7").expect(201);

            assertThat(server.audit().all().get(0).client().ip()).isEqualTo("198.51.100.7");
        }

        @Test
        void garbage_in_the_header_stops_the_walk_at_the_proxy() {
            JsonHttp http = start(List.of("127.0.0.1", "::1"));
            http.post("/v1/accounts", object("email", "ada@example.org", "password", PASSWORD,
                    "displayName", "Ada"), "X-Forwarded-For", "evil.example.org").expect(201);

            assertThat(server.audit().all().get(0).client().ip()).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
        }
    }

    @Test
    void a_trusted_proxy_that_is_not_an_address_is_refused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpSettings.defaults("x")
                        .withTrustedProxies(List.of("proxy.example.org")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("proxy.example.org");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> HttpSettings.defaults("x")
                        .withTrustedProxies(List.of("10.0.0.0/33")))
                .isInstanceOf(IllegalArgumentException.class);
        server = ApiServer.start();
    }
}
