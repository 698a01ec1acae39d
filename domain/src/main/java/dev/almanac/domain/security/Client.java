package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

/**
 * Where a request came from, as recorded on sessions and in the audit trail: the peer's IP address and the
 * {@code User-Agent} it sent. Both are untrusted text: control characters, line and paragraph separators and
 * invisible format characters (bidirectional overrides among them, which could make a value read as another)
 * become {@code ?}, and the user agent is cut to {@value #MAX_USER_AGENT} characters, so neither can forge a log
 * line, disguise itself or fill a table.
 */
public record Client(String ip, String userAgent) {
    public static final int MAX_IP = 64;
    public static final int MAX_USER_AGENT = 256;
    public static final Client UNKNOWN = new Client("unknown", "");

    public Client {
        ip = clean(requireNonNull(ip, "ip"), MAX_IP);
        userAgent = clean(userAgent == null ? "" : userAgent, MAX_USER_AGENT);
        if (ip.isEmpty()) {
            ip = "unknown";
        }
    }

    private static String clean(String raw, int max) {
        StringBuilder out = new StringBuilder(Math.min(raw.length(), max));
        raw.codePoints().limit(max).forEach(c -> {
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.SURROGATE || type == Character.FORMAT
                    || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR) {
                out.append('?');
            } else {
                out.appendCodePoint(c);
            }
        });
        return out.toString().strip();
    }
}
