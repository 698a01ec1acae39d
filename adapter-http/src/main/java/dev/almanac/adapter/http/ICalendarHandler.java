package dev.almanac.adapter.http;

import dev.almanac.application.event.EventUseCases;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** {@code /v1/calendars/{calendarId}/ical}: the calendar as an RFC 5545 file. */
final class ICalendarHandler {
    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final EventUseCases events;
    private final ICalendarWriter writer;

    ICalendarHandler(EventUseCases events, String version) {
        this.events = events;
        this.writer = new ICalendarWriter(version);
    }

    /** The whole calendar; its ETag is a hash of the bytes, so an unchanged calendar answers 304. */
    void export(Context ctx) {
        var export = events.export().export(BearerAuthentication.caller(ctx), RequestParams.calendarId(ctx));
        calendarFile(ctx, writer.write(export));
    }

    static void calendarFile(Context ctx, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        String etag = "\"" + sha256(bytes).substring(0, 32) + "\"";
        ctx.header("ETag", etag);
        String ifNoneMatch = ctx.header("If-None-Match");
        if (ifNoneMatch != null && (ifNoneMatch.strip().equals("*") || ifNoneMatch.contains(etag))) {
            ctx.status(304);
            return;
        }
        ctx.status(200).contentType(TEXT_CALENDAR).result(bytes);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
