package dev.almanac.adapter.persistence;

import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventChanges;
import dev.almanac.domain.event.Recurrence;
import dev.almanac.domain.event.Series;
import dev.almanac.domain.event.SeriesEdit;
import dev.almanac.domain.testing.Accounts;
import dev.almanac.domain.testing.Calendars;
import dev.almanac.domain.testing.Events;
import dev.almanac.domain.testing.Ids;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cache of rebuilt series remembers a series only under the version whose overrides it read: a master read
 * before a change committed must not be remembered with the overrides written by that change.
 */
class SeriesMastersTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static DataSource dataSource;
    private static PostgresPersistence persistence;
    private static Jdbi jdbi;

    private Calendar work;
    private Event standup;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.freshDataSource();
        persistence = PostgresPersistence.onDataSource(dataSource);
        jdbi = Jdbi.create(dataSource);
    }

    @BeforeEach
    void aDailySeries() {
        TestDatabase.truncateAll(dataSource);
        var owner = Accounts.anAccount().build();
        persistence.accounts().add(owner);
        work = Calendars.aCalendar().withId(Ids.calendar(1)).ownedBy(owner.id()).inZone("Europe/Berlin").build();
        persistence.calendars().add(work);
        Event single = Events.anEvent().withId(Ids.event(1)).inCalendar(work.id()).inCalendarZone("Europe/Berlin")
                .titled("Standup").timed("2026-03-02T09:00", "2026-03-02T09:15", "Europe/Berlin").build();
        standup = single.recurring(Recurrence.parse(List.of("RRULE:FREQ=DAILY"), single.time().start()), NOW);
        persistence.events().add(standup);
    }

    private Series load(SeriesMasters masters, Event master) {
        return jdbi.withHandle(h -> masters.load(h, work.id().value(), List.of(master), BERLIN))
                .get(master.id());
    }

    @Test
    void a_master_read_before_its_overrides_changed_is_completed_but_not_remembered() {
        var masters = new SeriesMasters();
        Event readEarlier = standup;
        persistence.events().edit(work.id(), standup.id(), OptionalLong.of(0), (calendar, current) ->
                SeriesEdit.of(current.changeOccurrence(wall("2026-03-03T09:00", "Europe/Berlin"),
                        new EventChanges(Optional.of("Retro"), Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.empty()), NOW)));

        Series completed = load(masters, readEarlier);

        assertThat(completed.master().version()).isZero();
        assertThat(completed.overrides()).singleElement().satisfies(o -> assertThat(o.title()).isEqualTo("Retro"));
        assertThat(masters.known(standup.id().value(), 0, BERLIN)).isEmpty();
    }

    @Test
    void a_master_read_at_its_current_version_is_remembered_with_its_overrides_under_that_version_and_zone() {
        var masters = new SeriesMasters();
        Series edited = persistence.events().edit(work.id(), standup.id(), OptionalLong.of(0), (calendar, current) ->
                SeriesEdit.of(current.changeOccurrence(wall("2026-03-03T09:00", "Europe/Berlin"),
                        new EventChanges(Optional.of("Retro"), Optional.empty(), Optional.empty(),
                                Optional.empty(), Optional.empty(), Optional.empty()), NOW))).series();

        load(masters, edited.master());

        assertThat(masters.known(standup.id().value(), 1, BERLIN)).get()
                .satisfies(s -> assertThat(s.overrides()).extracting(o -> o.title()).containsExactly("Retro"));
        assertThat(masters.known(standup.id().value(), 0, BERLIN)).isEmpty();
        assertThat(masters.known(standup.id().value(), 1, ZoneId.of("Asia/Tokyo"))).isEmpty();
    }

    @Test
    void a_master_deleted_since_it_was_read_keeps_no_overrides_and_is_not_remembered() {
        var masters = new SeriesMasters();
        persistence.events().delete(work.id(), standup.id(), OptionalLong.empty());

        assertThat(load(masters, standup).overrides()).isEmpty();
        assertThat(masters.known(standup.id().value(), 0, BERLIN)).isEmpty();
    }
}
