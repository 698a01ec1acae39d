package dev.almanac.application.feed;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.event.ExportCalendarUseCase;
import dev.almanac.application.port.CalendarRepository;
import dev.almanac.application.port.FeedRepository;
import dev.almanac.application.port.FeedTokens;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.CalendarPermission;
import dev.almanac.domain.calendar.Feed;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Calendar feeds: the owner creates and revokes them; a feed's token alone reads the calendar's export, as its
 * owner would see it. A token that is unknown, revoked or of a deleted calendar reads nothing.
 */
public final class FeedUseCases {
    private final CalendarRepository calendars;
    private final FeedRepository feeds;
    private final FeedTokens tokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final ExportCalendarUseCase export;

    private FeedUseCases(CalendarRepository calendars, FeedRepository feeds, FeedTokens tokens, IdGenerator ids,
                         Clock clock, ExportCalendarUseCase export) {
        this.calendars = requireNonNull(calendars, "calendars");
        this.feeds = requireNonNull(feeds, "feeds");
        this.tokens = requireNonNull(tokens, "tokens");
        this.ids = requireNonNull(ids, "ids");
        this.clock = requireNonNull(clock, "clock");
        this.export = requireNonNull(export, "export");
    }

    public static FeedUseCases wire(CalendarRepository calendars, FeedRepository feeds, FeedTokens tokens,
                                    IdGenerator ids, Clock clock, ExportCalendarUseCase export) {
        return new FeedUseCases(calendars, feeds, tokens, ids, clock, export);
    }

    /** A new feed and its token, shown this once. */
    public record Created(Feed feed, String token) {
    }

    public Created create(AccountId actor, CalendarId calendarId) {
        Calendar calendar = calendars.byId(calendarId).orElseThrow(() -> Calendar.notFound(calendarId));
        calendar.require(actor, CalendarPermission.MANAGE);
        String token = tokens.issue();
        Feed feed = new Feed(ids.next(), calendarId, tokens.hash(token), clock.instant());
        feeds.add(feed);
        return new Created(feed, token);
    }

    public void revoke(AccountId actor, CalendarId calendarId, UUID feedId) {
        Calendar calendar = calendars.byId(calendarId).orElseThrow(() -> Calendar.notFound(calendarId));
        calendar.require(actor, CalendarPermission.MANAGE);
        feeds.delete(calendarId, feedId);
    }

    /** The export a token opens, read as the calendar's owner; empty for any token that opens nothing. */
    public Optional<ExportCalendarUseCase.Export> read(String token) {
        if (token == null || token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return feeds.byTokenHash(tokens.hash(token))
                .flatMap(feed -> calendars.byId(feed.calendarId()))
                .map(calendar -> export.export(calendar.owner(), calendar.id()));
    }
}
