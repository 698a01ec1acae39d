package dev.almanac.adapter.persistence;

import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import dev.almanac.application.timezone.RederiveTimesUseCase;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.Recurrence;
import dev.almanac.domain.shared.ZoneRulesStamp;
import dev.almanac.domain.testing.Accounts;
import dev.almanac.domain.testing.Calendars;
import dev.almanac.domain.testing.Events;
import dev.almanac.domain.testing.Ids;
import dev.almanac.domain.testing.ShiftingZone;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * A tz-data release that changes a zone's rules, simulated with {@link ShiftingZone} (+01:00, then +02:00): the
 * stored instants of events in that zone move at the next start-up, their wall times stay, and the zone's new
 * rules are recorded so the next start-up moves nothing.
 */
class JdbiDerivedTimesTest {
    private static DataSource dataSource;
    private static PostgresPersistence persistence;
    private static Jdbi jdbi;

    private final RederiveTimesUseCase useCase = RederiveTimesUseCase.wire(persistence.derivedTimes());
    private Calendar shifting;
    private Calendar berlin;

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.freshDataSource();
        persistence = PostgresPersistence.onDataSource(dataSource);
        jdbi = Jdbi.create(dataSource);
    }

    @AfterAll
    static void resetZone() {
        ShiftingZone.install();
    }

    @BeforeEach
    void storeUnderTheOldRules() {
        TestDatabase.truncateAll(dataSource);
        jdbi.useHandle(h -> h.execute("truncate table zone_rules"));
        ShiftingZone.install();
        var owner = Accounts.anAccount().build();
        persistence.accounts().add(owner);
        shifting = Calendars.aCalendar().withId(Ids.calendar(1)).ownedBy(owner.id()).inZone(ShiftingZone.ID).build();
        berlin = Calendars.aCalendar().withId(Ids.calendar(2)).ownedBy(owner.id()).inZone("Europe/Berlin").build();
        persistence.calendars().add(shifting);
        persistence.calendars().add(berlin);
        assertThat(useCase.rederive().rowsMoved()).isZero(); // an empty store: every zone recorded, nothing moved
    }

    @Test
    void a_timed_event_moves_on_the_time_line_and_keeps_its_wall_time() {
        Event meeting = Events.anEvent().withId(Ids.event(1)).inCalendar(berlin.id())
                .timed("2030-06-03T09:00", "2030-06-03T10:00", ShiftingZone.ID).build();
        persistence.events().add(meeting);
        assertThat(storedStart(meeting.id())).isEqualTo(Instant.parse("2030-06-03T08:00:00Z"));

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));
        RederiveTimesUseCase.Result result = useCase.rederive();

        assertThat(result.changedZones()).containsExactly(ShiftingZone.ID);
        assertThat(result.rowsMoved()).isEqualTo(1);
        assertThat(storedStart(meeting.id())).isEqualTo(Instant.parse("2030-06-03T07:00:00Z"));
        assertThat(storedEnd(meeting.id())).isEqualTo(Instant.parse("2030-06-03T08:00:00Z"));
        Event read = persistence.events().byId(berlin.id(), meeting.id()).orElseThrow();
        assertThat(read.time()).isEqualTo(meeting.time());
        assertThat(read.version()).as("the representation did not change").isEqualTo(meeting.version());
        assertThat(persistence.events().window(berlin.id(), Instant.parse("2030-06-03T07:00:00Z"),
                Instant.parse("2030-06-03T07:30:00Z"), Optional.empty(), Optional.empty(), 10))
                .extracting(Event::id).containsExactly(meeting.id());
    }

    @Test
    void an_event_whose_only_end_is_in_the_changed_zone_moves_that_end() {
        Event flight = Events.anEvent().withId(Ids.event(2)).inCalendar(berlin.id())
                .from(wall("2030-06-03T09:00", "Europe/Berlin")).to(wall("2030-06-03T12:00", ShiftingZone.ID))
                .build();
        persistence.events().add(flight);

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));
        useCase.rederive();

        assertThat(storedStart(flight.id())).isEqualTo(Instant.parse("2030-06-03T07:00:00Z"));
        assertThat(storedEnd(flight.id())).isEqualTo(Instant.parse("2030-06-03T10:00:00Z"));
    }

    @Test
    void an_all_day_event_moves_with_its_calendars_zone() {
        Event holiday = Events.anEvent().withId(Ids.event(3)).inCalendar(shifting.id())
                .inCalendarZone(ShiftingZone.ID).allDay("2030-06-03", "2030-06-04").build();
        persistence.events().add(holiday);
        assertThat(storedStart(holiday.id())).isEqualTo(Instant.parse("2030-06-02T23:00:00Z"));

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));
        useCase.rederive();

        assertThat(storedStart(holiday.id())).isEqualTo(Instant.parse("2030-06-02T22:00:00Z"));
        assertThat(storedEnd(holiday.id())).isEqualTo(Instant.parse("2030-06-03T22:00:00Z"));
    }

    @Test
    void a_bounded_series_moves_its_first_and_its_last_occurrence() {
        Event weekly = Events.anEvent().withId(Ids.event(4)).inCalendar(berlin.id())
                .timed("2030-06-03T09:00", "2030-06-03T10:00", ShiftingZone.ID).build()
                .recurring(Recurrence.parse(List.of("RRULE:FREQ=WEEKLY;COUNT=3"),
                        wall("2030-06-03T09:00", ShiftingZone.ID)), Instant.parse("2026-01-01T00:00:00Z"));
        persistence.events().add(weekly);
        assertThat(storedSeriesEnd(weekly.id())).isEqualTo(Instant.parse("2030-06-17T09:00:00Z"));

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));
        useCase.rederive();

        assertThat(storedStart(weekly.id())).isEqualTo(Instant.parse("2030-06-03T07:00:00Z"));
        assertThat(storedSeriesEnd(weekly.id())).isEqualTo(Instant.parse("2030-06-17T08:00:00Z"));
    }

    @Test
    void events_of_zones_whose_rules_stayed_are_not_touched() {
        Event berlinMeeting = Events.anEvent().withId(Ids.event(5)).inCalendar(berlin.id())
                .timed("2030-06-03T09:00", "2030-06-03T10:00", "Europe/Berlin").build();
        persistence.events().add(berlinMeeting);
        jdbi.useHandle(h -> h.execute("update events set start_at = start_at - interval '1 hour'"));

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));
        RederiveTimesUseCase.Result result = useCase.rederive();

        assertThat(result.changedZones()).containsExactly(ShiftingZone.ID);
        assertThat(storedStart(berlinMeeting.id())).as("Berlin was not re-derived, so even a wrong instant stays")
                .isEqualTo(Instant.parse("2030-06-03T06:00:00Z"));
    }

    @Test
    void the_new_rules_are_recorded_so_the_next_start_moves_nothing() {
        persistence.events().add(Events.anEvent().withId(Ids.event(6)).inCalendar(berlin.id())
                .timed("2030-06-03T09:00", "2030-06-03T10:00", ShiftingZone.ID).build());
        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));
        useCase.rederive();

        RederiveTimesUseCase.Result again = useCase.rederive();

        assertThat(again.changedZones()).isEmpty();
        assertThat(again.rowsMoved()).isZero();
        assertThat(recorded(ShiftingZone.ID)).isEqualTo(ZoneRulesStamp.current(ShiftingZone.ID));
        assertThat(recorded(ShiftingZone.ID).version()).isEqualTo("2000b");
    }

    @Test
    void a_replica_on_older_tz_data_leaves_newer_instants_alone() {
        Event meeting = Events.anEvent().withId(Ids.event(7)).inCalendar(berlin.id())
                .timed("2030-06-03T09:00", "2030-06-03T10:00", ShiftingZone.ID).build();
        persistence.events().add(meeting);
        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));
        useCase.rederive();

        ShiftingZone.change("2000a", ZoneOffset.ofHours(1));
        RederiveTimesUseCase.Result old = useCase.rederive();

        assertThat(old.newerZones()).containsExactly(ShiftingZone.ID);
        assertThat(old.rowsMoved()).isZero();
        assertThat(storedStart(meeting.id())).isEqualTo(Instant.parse("2030-06-03T07:00:00Z"));
        assertThat(recorded(ShiftingZone.ID).version()).isEqualTo("2000b");
    }

    @Test
    void many_rows_are_re_derived_in_batches() {
        List<Event> many = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            many.add(Events.anEvent().withId(new EventId(Ids.uuid(0x10_000 + i))).inCalendar(berlin.id())
                    .timed("2030-06-03T09:00", "2030-06-03T10:00", ShiftingZone.ID).build());
        }
        persistence.events().addAll(many);

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));

        assertThat(useCase.rederive().rowsMoved()).isEqualTo(1_234);
        long moved = jdbi.withHandle(h -> h.createQuery(
                "select count(*) from events where start_at = '2030-06-03T07:00:00Z'").mapTo(Long.class).one());
        assertThat(moved).isEqualTo(1_234);
    }

    @Nested
    class SeveralReplicasStartingAtOnce {

        @Test
        void move_each_row_once_and_agree_on_the_record() throws Exception {
            List<Event> many = new ArrayList<>();
            for (int i = 0; i < 600; i++) {
                many.add(Events.anEvent().withId(new EventId(Ids.uuid(0x20_000 + i))).inCalendar(berlin.id())
                        .timed("2030-06-03T09:00", "2030-06-03T10:00", ShiftingZone.ID).build());
            }
            persistence.events().addAll(many);
            ShiftingZone.change("2000b", ZoneOffset.ofHours(2));

            ExecutorService replicas = Executors.newFixedThreadPool(3);
            try {
                List<Callable<RederiveTimesUseCase.Result>> starts = new ArrayList<>();
                for (int i = 0; i < 3; i++) {
                    starts.add(() -> RederiveTimesUseCase.wire(
                            PostgresPersistence.onDataSource(dataSource).derivedTimes()).rederive());
                }
                long moved = 0;
                int doers = 0;
                for (Future<RederiveTimesUseCase.Result> f : replicas.invokeAll(starts)) {
                    moved += f.get().rowsMoved();
                    doers += f.get().changedZones().isEmpty() ? 0 : 1;
                }
                assertThat(moved).isEqualTo(600);
                assertThat(doers).as("the others found the work recorded").isEqualTo(1);
            } finally {
                replicas.shutdownNow();
            }
            assertThat(recorded(ShiftingZone.ID).version()).isEqualTo("2000b");
        }
    }

    private static Instant storedStart(EventId id) {
        return column("start_at", id);
    }

    private static Instant storedEnd(EventId id) {
        return column("end_at", id);
    }

    private static Instant storedSeriesEnd(EventId id) {
        return column("series_end_at", id);
    }

    private static Instant column(String name, EventId id) {
        return jdbi.withHandle(h -> h.createQuery("select " + name + " from events where id = :id")
                .bind("id", id.value()).mapTo(OffsetDateTime.class).one()).toInstant();
    }

    private static ZoneRulesStamp recorded(String zone) {
        Map<String, Object> row = jdbi.withHandle(h -> h.createQuery(
                "select tzdb_version, fingerprint from zone_rules where zone_id = :zone")
                .bind("zone", zone).mapToMap().one());
        return new ZoneRulesStamp((String) row.get("tzdb_version"), (String) row.get("fingerprint"));
    }
}
