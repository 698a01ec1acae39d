package dev.almanac.adapter.http;

import static java.util.Objects.requireNonNull;

import java.net.URI;
import java.util.List;

/**
 * How the HTTP server listens and what it accepts.
 *
 * @param host           the interface to bind, e.g. {@code 0.0.0.0} or {@code 127.0.0.1}
 * @param port           the TCP port; {@code 0} picks a free one (see {@link HttpApi#port()})
 * @param version        the application version reported by {@code GET /health}
 * @param maxBodyBytes   the largest request body accepted; larger ones get 413 before they are read whole
 * @param virtualThreads whether Jetty serves requests on virtual threads (only honoured on JDK 21 and later)
 * @param publicUrl      where clients reach the service (scheme, host, optional path, no trailing slash), for the
 *                       absolute addresses it hands out such as feed URLs; never taken from a request's Host
 *                       header, which the sender chooses
 * @param trustedProxies the proxies whose {@code X-Forwarded-For} is believed: addresses and CIDR ranges; empty
 *                       (the default) believes no forwarding header (docs/adr/0017)
 * @param rateLimits     the per-client-address limits of sign-in, sign-up and verification re-send
 */
public record HttpSettings(String host, int port, String version, long maxBodyBytes, boolean virtualThreads,
                           URI publicUrl, List<String> trustedProxies, RateLimits rateLimits) {
    public static final int DEFAULT_PORT = 8080;
    public static final long DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

    public HttpSettings {
        requireNonNull(host, "host");
        requireNonNull(version, "version");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be between 0 and 65535, was " + port);
        }
        if (maxBodyBytes < 1) {
            throw new IllegalArgumentException("maxBodyBytes must be positive, was " + maxBodyBytes);
        }
        requireNonNull(publicUrl, "publicUrl");
        if (!publicUrl.isAbsolute() || publicUrl.getHost() == null || publicUrl.toString().endsWith("/")
                || !(publicUrl.getScheme().equals("http") || publicUrl.getScheme().equals("https"))) {
            throw new IllegalArgumentException("publicUrl must be an absolute http(s) URL without a trailing "
                    + "slash, was " + publicUrl);
        }
        trustedProxies = List.copyOf(trustedProxies);
        trustedProxies.forEach(ClientAddresses::checkPattern);
        requireNonNull(rateLimits, "rateLimits");
    }

    /** No trusted proxy, the default rate limits. */
    public HttpSettings(String host, int port, String version, long maxBodyBytes, boolean virtualThreads,
                        URI publicUrl) {
        this(host, port, version, maxBodyBytes, virtualThreads, publicUrl, List.of(), RateLimits.DEFAULTS);
    }

    /**
     * Settings whose public URL is {@code http://localhost:<port>}, for a service reached where it listens; no
     * trusted proxy, the default rate limits.
     */
    public HttpSettings(String host, int port, String version, long maxBodyBytes, boolean virtualThreads) {
        this(host, port, version, maxBodyBytes, virtualThreads, URI.create("http://localhost:" + port));
    }

    /** All interfaces, port 8080, a 1 MiB body limit, platform threads. */
    public static HttpSettings defaults(String version) {
        return new HttpSettings("0.0.0.0", DEFAULT_PORT, version, DEFAULT_MAX_BODY_BYTES, false);
    }

    public HttpSettings withPort(int newPort) {
        return new HttpSettings(host, newPort, version, maxBodyBytes, virtualThreads, publicUrl, trustedProxies,
                rateLimits);
    }

    public HttpSettings withHost(String newHost) {
        return new HttpSettings(newHost, port, version, maxBodyBytes, virtualThreads, publicUrl, trustedProxies,
                rateLimits);
    }

    public HttpSettings withPublicUrl(URI newPublicUrl) {
        return new HttpSettings(host, port, version, maxBodyBytes, virtualThreads, newPublicUrl, trustedProxies,
                rateLimits);
    }

    public HttpSettings withVirtualThreads(boolean enabled) {
        return new HttpSettings(host, port, version, maxBodyBytes, enabled, publicUrl, trustedProxies, rateLimits);
    }

    /** @throws IllegalArgumentException for an entry that is not an IP address or CIDR range */
    public HttpSettings withTrustedProxies(List<String> proxies) {
        return new HttpSettings(host, port, version, maxBodyBytes, virtualThreads, publicUrl, proxies, rateLimits);
    }

    public HttpSettings withRateLimits(RateLimits limits) {
        return new HttpSettings(host, port, version, maxBodyBytes, virtualThreads, publicUrl, trustedProxies, limits);
    }
}
