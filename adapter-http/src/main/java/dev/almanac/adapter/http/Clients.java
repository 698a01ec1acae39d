package dev.almanac.adapter.http;

import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import io.javalin.http.Context;

/**
 * The client behind a request: its address as {@link ClientAddresses} decided (the TCP peer unless it is a
 * trusted proxy) and its {@code User-Agent}; with the request id, the {@link RequestContext} use cases receive.
 */
final class Clients {
    private Clients() {
    }

    static Client of(Context ctx) {
        return new Client(ClientAddresses.of(ctx), asUtf8(ctx.header("User-Agent")));
    }

    /**
     * A header value as its sender meant it: Jetty reads header bytes as ISO-8859-1 (RFC 9110's historical
     * default), so a value sent in UTF-8, as browsers and apps do for non-ASCII product names, arrives as one
     * character per byte. Such a value is read again as UTF-8; one whose bytes are not valid UTF-8 stays as read.
     */
    static String asUtf8(String value) {
        if (value == null) {
            return null;
        }
        byte[] bytes = new byte[value.length()];
        boolean ascii = true;
        for (int k = 0; k < value.length(); k++) {
            char c = value.charAt(k);
            if (c > 0xFF) {
                return value;
            }
            ascii &= c < 0x80;
            bytes[k] = (byte) c;
        }
        if (ascii) {
            return value;
        }
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return value;
        }
    }

    static RequestContext context(Context ctx) {
        return new RequestContext(of(ctx), new RequestId(RequestLog.requestId(ctx)));
    }
}
