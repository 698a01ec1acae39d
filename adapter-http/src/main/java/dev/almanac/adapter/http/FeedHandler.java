package dev.almanac.adapter.http;

import dev.almanac.application.feed.FeedUseCases;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.Feed;
import dev.almanac.domain.shared.NotFoundException;
import io.javalin.http.Context;
import java.net.URI;
import java.util.UUID;

/**
 * {@code /v1/calendars/{calendarId}/feeds} (the owner creates and revokes feeds) and {@code /v1/feeds/{token}}
 * (the feed itself: no credential but the unguessable token in the address).
 */
final class FeedHandler {
    private final FeedUseCases feeds;
    private final ICalendarWriter writer;
    private final Responses responses;
    private final String feedBase;

    /** @param publicUrl where subscribers reach the service; feed URLs are built on it, never on the Host header */
    FeedHandler(FeedUseCases feeds, String version, URI publicUrl, Responses responses) {
        this.feeds = feeds;
        this.writer = new ICalendarWriter(version);
        this.responses = responses;
        this.feedBase = publicUrl + "/v1/feeds/";
    }

    record FeedResponse(String id, String calendarId, String url, String createdAt) {
    }

    /** 201 with the feed's address, shown this once (only its hash is kept). */
    void create(Context ctx) {
        CalendarId calendarId = RequestParams.calendarId(ctx);
        FeedUseCases.Created created = feeds.create(BearerAuthentication.caller(ctx), calendarId);
        String url = feedBase + created.token();
        ctx.header("Location", "/v1/calendars/" + calendarId + "/feeds/" + created.feed().id());
        responses.json(ctx, 201, new FeedResponse(created.feed().id().toString(), calendarId.toString(), url,
                created.feed().createdAt().toString()));
    }

    void revoke(Context ctx) {
        CalendarId calendarId = RequestParams.calendarId(ctx);
        UUID feedId;
        try {
            feedId = UUID.fromString(ctx.pathParam("feedId"));
        } catch (IllegalArgumentException e) {
            throw Feed.notFound();
        }
        feeds.revoke(BearerAuthentication.caller(ctx), calendarId, feedId);
        ctx.status(204);
    }

    /** The calendar file for a live token; any other token is the same 404. */
    void read(Context ctx) {
        var export = feeds.read(ctx.pathParam("token")).orElseThrow(() ->
                new NotFoundException("feed.not_found", "No feed has this address (it may have been revoked)"));
        ICalendarHandler.calendarFile(ctx, writer.write(export));
    }
}
