package dev.almanac.adapter.persistence;

import static dev.almanac.adapter.persistence.SqlValues.utc;

import dev.almanac.application.port.FeedRepository;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.Feed;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link FeedRepository} on PostgreSQL: table {@code calendar_feeds}. */
final class JdbiFeedRepository implements FeedRepository {
    private final Jdbi jdbi;

    JdbiFeedRepository(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void add(Feed feed) {
        jdbi.useTransaction(handle -> {
            boolean calendarExists = handle.createQuery("select 1 from calendars where id = :id for share")
                    .bind("id", feed.calendarId().value()).mapTo(Integer.class).findOne().isPresent();
            if (!calendarExists) {
                throw Calendar.notFound(feed.calendarId());
            }
            handle.createUpdate("insert into calendar_feeds (id, calendar_id, token_hash, created_at)"
                            + " values (:id, :calendarId, :tokenHash, :createdAt)")
                    .bind("id", feed.id())
                    .bind("calendarId", feed.calendarId().value())
                    .bind("tokenHash", feed.tokenHash())
                    .bind("createdAt", utc(feed.createdAt()))
                    .execute();
        });
    }

    @Override
    public Optional<Feed> byTokenHash(String tokenHash) {
        return jdbi.withHandle(handle -> handle.createQuery(
                        "select id, calendar_id, token_hash, created_at from calendar_feeds where token_hash = :hash")
                .bind("hash", tokenHash)
                .map((rs, ctx) -> new Feed(rs.getObject("id", UUID.class),
                        new CalendarId(rs.getObject("calendar_id", UUID.class)), rs.getString("token_hash"),
                        SqlValues.instant(rs, "created_at")))
                .findOne());
    }

    @Override
    public void delete(CalendarId calendarId, UUID feedId) {
        int deleted = jdbi.withHandle(handle -> handle.createUpdate(
                        "delete from calendar_feeds where id = :id and calendar_id = :calendarId")
                .bind("id", feedId)
                .bind("calendarId", calendarId.value())
                .execute());
        if (deleted == 0) {
            throw Feed.notFound();
        }
    }
}
