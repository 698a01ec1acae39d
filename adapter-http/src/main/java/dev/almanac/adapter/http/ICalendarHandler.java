package dev.almanac.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.event.EventUseCases;
import dev.almanac.application.event.ImportCalendarUseCase;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import io.javalin.http.Context;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/** {@code /v1/calendars/{calendarId}/ical}: the calendar as an RFC 5545 file, out (GET) and in (POST). */
final class ICalendarHandler {
    static final String TEXT_CALENDAR = "text/calendar; charset=utf-8";

    private final EventUseCases events;
    private final CalendarUseCases calendars;
    private final JsonBodies bodies;
    private final Responses responses;
    private final ICalendarWriter writer;

    ICalendarHandler(EventUseCases events, CalendarUseCases calendars, JsonBodies bodies, Responses responses,
                     String version) {
        this.events = events;
        this.calendars = calendars;
        this.bodies = bodies;
        this.responses = responses;
        this.writer = new ICalendarWriter(version);
    }

    record ImportResponse(int created, int updated, int unchanged, int skipped, List<ImportItem> items) {
    }

    record ImportItem(String uid, String result,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String eventId,
                      @JsonInclude(JsonInclude.Include.NON_NULL) String reason,
                      @JsonInclude(JsonInclude.Include.NON_EMPTY) List<String> notes) {
    }

    /**
     * Imports a text/calendar body (at most the body limit): each VEVENT is created, updated (matched by UID),
     * left unchanged or skipped with its reason; 200 with the per-component report.
     */
    void importFile(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        CalendarId calendarId = RequestParams.calendarId(ctx);
        Calendar calendar = calendars.get().get(actor, calendarId);
        String text = bodies.text(ctx, "text/calendar");
        ICalendarReader.Parsed parsed = ICalendarReader.read(text, calendarId, calendar.timeZone());
        var report = events.importer().importAll(actor, calendarId, parsed.drafts());
        List<ImportCalendarUseCase.Outcome> all = new ArrayList<>(report.outcomes());
        all.addAll(parsed.skipped());
        List<ImportItem> items = all.stream().map(o -> new ImportItem(o.uid(), o.result(),
                o.eventId().map(Object::toString).orElse(null), o.reason().orElse(null), o.notes())).toList();
        responses.json(ctx, 200, new ImportResponse(count(all, "created"), count(all, "updated"),
                count(all, "unchanged"), count(all, "skipped"), items));
    }

    private static int count(List<ImportCalendarUseCase.Outcome> all, String result) {
        return (int) all.stream().filter(o -> o.result().equals(result)).count();
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
