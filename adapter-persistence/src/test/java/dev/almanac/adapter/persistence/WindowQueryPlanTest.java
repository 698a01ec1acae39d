package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The window query is answered from the indexes, not by reading the table: with years of events in many calendars,
 * PostgreSQL's own planner reads the events starting in a one-week window from the b-tree
 * {@code events_singles_by_start} in page order, and those already running at its start from the GiST index
 * {@code events_window}. {@link WindowGenericPlanTest} checks the plan made once for any values.
 */
class WindowQueryPlanTest {
    private static final int CALENDARS = 20;
    private static final int EVENTS_PER_CALENDAR = 2_500;
    private static Jdbi jdbi;
    private static UUID someCalendar;

    @BeforeAll
    static void yearsOfEvents() {
        DataSource dataSource = TestDatabase.freshDataSource();
        jdbi = Jdbi.create(dataSource);
        jdbi.useHandle(handle -> {
            handle.execute("""
                    insert into accounts (id, email, email_normalized, display_name, password_hash, status, created_at)
                    values ('00000000-0000-7000-8000-000000000001', 'ada@example.org', 'ada@example.org', 'Ada',
                            '$fake$g1$x', 'ACTIVE', now())
                    """);
            handle.execute("""
                    insert into calendars (id, owner_id, name, description, time_zone, version, created_at, updated_at)
                    select gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 'C' || n, '', 'UTC', 0, now(), now()
                      from generate_series(1, ?) n
                    """, CALENDARS);
            // One event every 8 hours, two hours long, from 2020 on: about two and a half years per calendar.
            handle.execute("""
                    insert into events (id, calendar_id, title, title_folded, description, location, all_day,
                                        start_local, start_zone, end_local, end_zone, start_at, end_at, status,
                                        version, created_at, updated_at)
                    select gen_random_uuid(), c.id, 'Event ' || g, 'event ' || g, '', '', false,
                           t.local_start, 'UTC', t.local_start + interval '2 hours', 'UTC',
                           t.local_start at time zone 'UTC', (t.local_start + interval '2 hours') at time zone 'UTC',
                           'CONFIRMED', 0, now(), now()
                      from calendars c
                     cross join generate_series(1, ?) g
                     cross join lateral (select timestamp '2020-01-01' + g * interval '8 hours' as local_start) t
                    """, EVENTS_PER_CALENDAR);
            handle.execute("analyze");
            someCalendar = handle.createQuery("select id from calendars order by id limit 1").mapTo(UUID.class).one();
        });
    }

    @Test
    void a_one_week_window_reads_its_starts_in_order_and_what_runs_into_it_from_the_gist() {
        String plan = explain(false, false);

        assertUsesBothIndexes(plan);
    }

    @Test
    void a_later_page_with_a_title_filter_still_uses_the_indexes() {
        String plan = explain(true, true);

        assertUsesBothIndexes(plan);
    }

    @Test
    void the_window_read_with_its_calendar_uses_the_indexes_too() {
        for (boolean cursor : new boolean[] {false, true}) {
            for (boolean title : new boolean[] {false, true}) {
                String sql = "explain " + JdbiEventRepository.windowOfSql(cursor, title);
                String plan = jdbi.withHandle(handle -> String.join("\n", bindWindow(handle.createQuery(sql), cursor,
                        title).mapTo(String.class).list()));

                assertUsesBothIndexes(plan);
            }
        }
    }

    @Test
    void the_window_query_finds_the_overlapping_events_among_many() {
        long found = jdbi.withHandle(handle -> bindWindow(handle.createQuery(
                JdbiEventRepository.windowSql(false, false)), false, false).mapToMap().list().size());

        // Events start at 00:00, 08:00 and 16:00 each day and last two hours: 21 in a week, none across its edges.
        assertThat(found).isEqualTo(21);
    }

    static void assertUsesBothIndexes(String plan) {
        assertThat(plan).contains("events_singles_by_start").contains("events_window")
                .doesNotContain("Seq Scan on events");
    }

    private static String explain(boolean cursor, boolean title) {
        String sql = "explain " + JdbiEventRepository.windowSql(cursor, title);
        return jdbi.withHandle(handle -> String.join("\n", bindWindow(handle.createQuery(sql), cursor, title)
                .mapTo(String.class).list()));
    }

    private static Query bindWindow(Query query, boolean cursor, boolean title) {
        query.bind("calendarId", someCalendar)
                .bind("from", OffsetDateTime.parse("2021-06-07T00:00:00Z"))
                .bind("to", OffsetDateTime.parse("2021-06-14T00:00:00Z"))
                .bind("limit", 100);
        if (cursor) {
            query.bind("afterAt", OffsetDateTime.parse("2021-06-08T00:00:00Z")).bind("afterId", new UUID(0, 0));
        }
        if (title) {
            query.bind("titlePattern", "%event%").bind("likeEscape", "\\");
        }
        return query;
    }

}
