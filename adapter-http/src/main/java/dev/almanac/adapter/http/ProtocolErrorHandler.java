package dev.almanac.adapter.http;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * Answers the requests Jetty refuses before Javalin sees them (a malformed request line or path, an ambiguous
 * body length, a URI or headers too large, a missing Host) with a problem document instead of Jetty's HTML page,
 * so that every error Almanac gives is {@code application/problem+json}. The detail is generic: it never echoes
 * the request back and never names a class. Like every other answer it names its request in {@code X-Request-Id}
 * and the document's {@code requestId}: the caller's own id when it sent a sane one and Jetty read the headers,
 * else a new one.
 */
final class ProtocolErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        String id = RequestLog.idFor(request.getHeaders().get(RequestLog.HEADER));
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE);
        response.getHeaders().put(RequestLog.HEADER, id);
        response.write(true, ByteBuffer.wrap(body(code, id)), callback);
    }

    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        String id = RequestLog.idFor(null);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, Problem.MEDIA_TYPE));
        fields.put(RequestLog.HEADER, id);
        return ByteBuffer.wrap(body(status, id));
    }

    /** The problem document for {@code status}, naming request {@code id} (a UUID or a checked incoming id). */
    static byte[] body(int status, String id) {
        String code;
        String detail;
        switch (status) {
            case 414:
                code = "request.uri_too_long";
                detail = "The request URI is too long";
                break;
            case 431:
                code = "request.headers_too_large";
                detail = "The request headers are too large";
                break;
            case 413:
                code = "request.body_too_large";
                detail = "The request body is too large";
                break;
            default:
                if (status >= 500) {
                    code = "server.error";
                    detail = "Something went wrong on our side";
                } else {
                    code = "request.malformed";
                    detail = "The request is not well-formed HTTP (its request line, path, headers or body framing)";
                }
        }
        Problem problem = Problem.of(status, code, detail, null);
        String json = "{\"type\":\"" + problem.type() + "\",\"title\":\"" + problem.title() + "\",\"status\":"
                + problem.status() + ",\"detail\":\"" + problem.detail() + "\",\"code\":\"" + problem.code()
                + "\",\"requestId\":\"" + id + "\"}";
        return json.getBytes(UTF_8);
    }
}
