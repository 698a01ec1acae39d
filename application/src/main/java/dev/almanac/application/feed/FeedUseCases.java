package dev.almanac.application.feed;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.event.ExportCalendarUseCase;
import dev.almanac.application.port.AccountRepository;
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
    private final AccountRepository accounts;
    private final CalendarRepository calendars;
    private final FeedRepository feeds;
    private final FeedTokens tokens;
    private final IdGenerator ids;
    private final Clock clock;
    private final ExportCalendarUseCase export;

    private FeedUseCases(AccountRepository accounts, CalendarRepository calendars, FeedRepository feeds,
                         FeedTokens tokens, IdGenerator ids, Clock clock, ExportCalendarUseCase export) {
        this.accounts = requireNonNull(accounts, "accounts");
        this.calendars = requireNonNull(calendars, "calendars");
        this.feeds = requireNonNull(feeds, "feeds");
        this.tokens = requireNonNull(tokens, "tokens");
        this.ids = requireNonNull(ids, "ids");
        this.clock = requireNonNull(clock, "clock");
        this.export = requireNonNull(export, "export");
    }

    public static FeedUseCases wire(AccountRepository accounts, CalendarRepository calendars, FeedRepository feeds,
                                    FeedTokens tokens, IdGenerator ids, Clock clock, ExportCalendarUseCase export) {
        return new FeedUseCases(accounts, calendars, feeds, tokens, ids, clock, export);
    }

    /** A new feed and its token, shown this once. */
    public record Created(Feed feed, String token) {
    }

    /**
     * A feed publishes a calendar to anyone with its link, so only an account whose address is verified may make
     * one (docs/adr/0012).
     *
     * @throws dev.almanac.domain.shared.ForbiddenException {@code account.unverified}
     */
    public Created create(AccountId actor, CalendarId calendarId) {
        Calendar calendar = calendars.byId(calendarId).orElseThrow(() -> Calendar.notFound(calendarId));
        calendar.require(actor, CalendarPermission.MANAGE);
        accounts.byId(actor).orElseThrow(() -> Calendar.notFound(calendarId)).requireVerified();
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
