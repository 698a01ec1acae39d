package dev.almanac.application.port;

import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.Feed;
import java.util.Optional;
import java.util.UUID;

/** Where calendar feeds live; a feed goes when its calendar goes. */
public interface FeedRepository {

    /** Stores a new feed; its calendar must exist ({@code calendar.not_found} otherwise). */
    void add(Feed feed);

    /** The feed whose token has this hash. */
    Optional<Feed> byTokenHash(String tokenHash);

    /** Revokes one feed of a calendar at once. @throws dev.almanac.domain.shared.NotFoundException {@code feed.not_found} */
    void delete(CalendarId calendarId, UUID feedId);
}
