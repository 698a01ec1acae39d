package dev.almanac.adapter.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;

/**
 * The per-address limits of the routes an attacker hammers without an account (docs/adr/0017). Each is a
 * declaration a route takes in {@link Routes}, e.g. {@code new Route(...).limitedBy(limits.resend())}.
 *
 * @param signIn {@code POST /v1/auth/token}
 * @param signUp {@code POST /v1/accounts}
 * @param resend {@code POST /v1/accounts/verify/resend}
 */
public record RateLimits(RateLimit signIn, RateLimit signUp, RateLimit resend) {
    public static final RateLimits DEFAULTS = new RateLimits(
            new RateLimit("sign_in", 20, Duration.ofMinutes(1)),
            new RateLimit("sign_up", 10, Duration.ofHours(1)),
            new RateLimit("resend", 5, Duration.ofMinutes(15)));

    public RateLimits {
        requireNonNull(signIn, "signIn");
        requireNonNull(signUp, "signUp");
        requireNonNull(resend, "resend");
    }
}
