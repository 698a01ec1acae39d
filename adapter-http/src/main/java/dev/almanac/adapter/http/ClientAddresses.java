package dev.almanac.adapter.http;

import static java.util.Objects.requireNonNull;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jetty.util.InetAddressSet;

/**
 * Decides the client address of a request (docs/adr/0017): the TCP peer, unless the peer is one of the operator's
 * trusted proxies ({@code ALMANAC_TRUSTED_PROXIES}), in which case {@code X-Forwarded-For} is read from the right,
 * skipping trusted proxies, and the first address that is not one is the client. Nothing else a client sends is
 * believed; with no trusted proxies, forwarding headers are ignored altogether.
 */
final class ClientAddresses {
    private static final String ATTRIBUTE = "almanac.clientAddress";
    private static final Pattern IPV4 = Pattern.compile("[0-9]{1,3}(\\.[0-9]{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]{2,45}");
    /** More hops than this in one header are not read; the leftmost ones are the client's to invent anyway. */
    private static final int MAX_HOPS = 20;

    private final InetAddressSet trusted = new InetAddressSet();

    /**
     * @param trustedProxies addresses and ranges, e.g. {@code 10.0.0.0/8}, {@code 192.0.2.7}, {@code ::1}
     * @throws IllegalArgumentException for an entry that is neither
     */
    ClientAddresses(List<String> trustedProxies) {
        for (String entry : requireNonNull(trustedProxies, "trustedProxies")) {
            checkPattern(entry);
            trusted.add(entry);
        }
    }

    /** Checks one {@code ALMANAC_TRUSTED_PROXIES} entry: an IP address or a CIDR range of literal addresses. */
    static void checkPattern(String entry) {
        String[] parts = entry.split("/", -1);
        boolean ok = parts.length <= 2 && literal(parts[0]).isPresent()
                && (parts.length == 1 || parts[1].matches("[0-9]{1,3}") && Integer.parseInt(parts[1])
                <= (parts[0].contains(":") ? 128 : 32));
        if (!ok) {
            throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR range such as "
                    + "10.0.0.0/8");
        }
    }

    /** Before every request: works out the client address once and keeps it on the request. */
    void assign(Context ctx) {
        ctx.attribute(ATTRIBUTE, resolve(ctx.req().getRemoteAddr(), ctx.req().getHeaders("X-Forwarded-For")));
    }

    /** The address {@link #assign} decided, or the TCP peer's when it has not run (e.g. a protocol error). */
    static String of(Context ctx) {
        String address = ctx.attribute(ATTRIBUTE);
        if (address != null) {
            return address;
        }
        String peer = ctx.req().getRemoteAddr();
        return peer == null ? "unknown" : peer;
    }

    String resolve(String peer, java.util.Enumeration<String> forwardedHeaders) {
        if (peer == null) {
            return "unknown";
        }
        if (trusted.isEmpty() || !isTrusted(peer)) {
            return peer;
        }
        List<String> hops = new java.util.ArrayList<>();
        while (forwardedHeaders.hasMoreElements() && hops.size() <= MAX_HOPS) {
            for (String hop : forwardedHeaders.nextElement().split(",")) {
                hops.add(hop.strip());
            }
        }
        String client = peer;
        for (int i = hops.size() - 1; i >= 0 && hops.size() - i <= MAX_HOPS; i--) {
            Optional<InetAddress> hop = literal(hops.get(i));
            if (hop.isEmpty()) {
                // Garbage where an address should be: the hop before it is a trusted proxy's word, trust no further.
                return client;
            }
            client = hop.get().getHostAddress();
            if (!trusted.test(hop.get())) {
                return client;
            }
        }
        return client;
    }

    private boolean isTrusted(String address) {
        return literal(address).filter(trusted::test).isPresent();
    }

    /** An IP literal, parsed without any DNS lookup; empty for anything else. */
    static Optional<InetAddress> literal(String text) {
        boolean v4 = IPV4.matcher(text).matches();
        if (!v4 && !(IPV6.matcher(text).matches() && text.contains(":"))) {
            return Optional.empty();
        }
        if (v4) {
            for (String octet : text.split("\\.")) {
                if (Integer.parseInt(octet) > 255) {
                    return Optional.empty();
                }
            }
        }
        try {
            return Optional.of(InetAddress.getByName(text));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
