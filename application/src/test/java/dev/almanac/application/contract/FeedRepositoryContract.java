package dev.almanac.application.contract;

import static dev.almanac.application.contract.ContractFixtures.BERLIN;
import static dev.almanac.application.contract.ContractFixtures.NOW;
import static dev.almanac.application.contract.ContractFixtures.account;
import static dev.almanac.application.contract.ContractFixtures.calendar;
import static dev.almanac.application.contract.ContractFixtures.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.port.FeedRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.calendar.Feed;
import dev.almanac.domain.shared.NotFoundException;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link FeedRepository} does, run against the in-memory fake and against PostgreSQL. */
public abstract class FeedRepositoryContract {

    /** A new, empty store for each test, and the feeds of that same store. */
    protected abstract Repositories freshRepositories();

    protected abstract FeedRepository feedsOfTheSameStore();

    private Repositories store;
    private FeedRepository feeds;
    private Calendar work;

    @BeforeEach
    void aCalendar() {
        store = freshRepositories();
        feeds = feedsOfTheSameStore();
        Account owner = account("owner@example.org");
        store.accounts().add(owner);
        work = calendar(owner.id(), "Work", BERLIN, NOW);
        store.calendars().add(work);
    }

    private static String hash(char c) {
        return String.valueOf(c).repeat(64);
    }

    @Test
    void a_feed_is_found_by_its_token_hash_and_gone_once_revoked() {
        Feed feed = new Feed(newId(), work.id(), hash('a'), NOW);
        feeds.add(feed);
        assertThat(feeds.byTokenHash(hash('a'))).contains(feed);
        assertThat(feeds.byTokenHash(hash('b'))).isEmpty();

        feeds.delete(work.id(), feed.id());
        assertThat(feeds.byTokenHash(hash('a'))).isEmpty();
    }

    @Test
    void revoking_through_another_calendar_or_twice_is_not_found() {
        Feed feed = new Feed(newId(), work.id(), hash('c'), NOW);
        feeds.add(feed);
        assertThatThrownBy(() -> feeds.delete(new CalendarId(newId()), feed.id()))
                .isInstanceOf(NotFoundException.class);
        feeds.delete(work.id(), feed.id());
        assertThatThrownBy(() -> feeds.delete(work.id(), feed.id())).isInstanceOf(NotFoundException.class);
    }

    @Test
    void a_feed_of_an_unknown_calendar_is_refused_and_a_deleted_calendar_takes_its_feeds() {
        assertThatThrownBy(() -> feeds.add(new Feed(newId(), new CalendarId(newId()), hash('d'), NOW)))
                .isInstanceOf(NotFoundException.class);
        feeds.add(new Feed(newId(), work.id(), hash('e'), NOW));
        store.calendars().delete(work.id(), OptionalLong.empty());
        assertThat(feeds.byTokenHash(hash('e'))).isEmpty();
    }
}
