package dev.almanac.application.fakes;

import dev.almanac.application.port.FeedRepository;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.Feed;
import java.util.Optional;
import java.util.UUID;

/** A {@link FeedRepository} in memory, held to the same contract as the PostgreSQL one. */
public final class InMemoryFeeds implements FeedRepository {
    private final InMemoryStore store;

    InMemoryFeeds(InMemoryStore store) {
        this.store = store;
    }

    @Override
    public void add(Feed feed) {
        synchronized (store) {
            if (!store.calendars.containsKey(feed.calendarId())) {
                throw Calendar.notFound(feed.calendarId());
            }
            if (store.feeds.values().stream().anyMatch(f -> f.tokenHash().equals(feed.tokenHash()))) {
                throw new IllegalStateException("token hash exists");
            }
            store.feeds.put(feed.id(), feed);
        }
    }

    @Override
    public Optional<Feed> byTokenHash(String tokenHash) {
        synchronized (store) {
            return store.feeds.values().stream().filter(f -> f.tokenHash().equals(tokenHash)).findFirst();
        }
    }

    @Override
    public void delete(CalendarId calendarId, UUID feedId) {
        synchronized (store) {
            Feed feed = store.feeds.get(feedId);
            if (feed == null || !feed.calendarId().equals(calendarId)) {
                throw Feed.notFound();
            }
            store.feeds.remove(feedId);
        }
    }
}
