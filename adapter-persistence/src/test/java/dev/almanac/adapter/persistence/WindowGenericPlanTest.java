package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plan PostgreSQL makes once for any values of a prepared statement (its generic plan, which it may keep after
 * the driver has run the statement a few times) must not trade the indexes for an ordered walk of the b-tree
 * through every earlier event of the calendar: in one busy calendar with two years of events, the events already
 * running at the window's start could be found that way, a hundred times slower. Checked with
 * {@code plan_cache_mode = force_generic_plan}, for every form of the window's SQL.
 */
class WindowGenericPlanTest {
    private static final int EVENTS = 100_000;
    private static Jdbi jdbi;
    private static UUID busy;

    @BeforeAll
    static void oneBusyCalendar() {
        jdbi = Jdbi.create(TestDatabase.freshDataSource());
        jdbi.useHandle(handle -> {
            handle.execute("""
                    insert into accounts (id, email, email_normalized, display_name, password_hash, status, created_at)
                    values ('00000000-0000-7000-8000-000000000001', 'ada@example.org', 'ada@example.org', 'Ada',
                            '$fake$g1$x', 'ACTIVE', now())
                    """);
            busy = handle.createQuery("""
                    insert into calendars (id, owner_id, name, description, time_zone, version, created_at, updated_at)
                    values (gen_random_uuid(), '00000000-0000-7000-8000-000000000001', 'Busy', '', 'UTC', 0, now(),
                            now())
                    returning id
                    """).mapTo(UUID.class).one();
            // One event every ten minutes, an hour long, from 2020 on: about two years.
            handle.execute("""
                    insert into events (id, calendar_id, title, title_folded, description, location, all_day,
                                        start_local, start_zone, end_local, end_zone, start_at, end_at, status,
                                        version, created_at, updated_at)
                    select gen_random_uuid(), ?, 'Event ' || g, 'event ' || g, '', '', false,
                           t.local_start, 'UTC', t.local_start + interval '1 hour', 'UTC',
                           t.local_start at time zone 'UTC', (t.local_start + interval '1 hour') at time zone 'UTC',
                           'CONFIRMED', 0, now(), now()
                      from generate_series(1, ?) g
                     cross join lateral (select timestamp '2020-01-01' + g * interval '10 minutes' as local_start) t
                    """, busy, EVENTS);
            handle.execute("analyze");
        });
    }

    @Test
    void the_plan_made_once_for_any_values_never_walks_the_calendar_s_whole_history() {
        for (boolean cursor : new boolean[] {false, true}) {
            for (boolean title : new boolean[] {false, true}) {
                for (String sql : List.of(JdbiEventRepository.windowSql(cursor, title),
                        JdbiEventRepository.windowOfSql(cursor, title))) {
                    String plan = genericPlan(sql);

                    WindowQueryPlanTest.assertUsesBothIndexes(plan);
                    // The b-tree is entered at the window's start, never for "the calendar's events before :from".
                    assertThat(plan.lines().filter(line -> line.contains("Index Cond") && line.contains("start_at <")
                            && !line.contains("start_at >="))).as("cursor %s, title %s:%n%s", cursor, title, plan)
                            .isEmpty();
                }
            }
        }
    }

    /**
     * The generic plan of {@code sql} (Jdbi's named parameters turned into positional ones), as EXPLAIN EXECUTE
     * shows it.
     */
    private static String genericPlan(String sql) {
        List<String> names = new ArrayList<>();
        Matcher named = Pattern.compile("(?<!:):(\\w+)").matcher(sql);
        StringBuilder positional = new StringBuilder();
        while (named.find()) {
            if (!names.contains(named.group(1))) {
                names.add(named.group(1));
            }
            named.appendReplacement(positional, "\\$" + (names.indexOf(named.group(1)) + 1));
        }
        named.appendTail(positional);
        Map<String, String> values = Map.of("calendarId", "'" + busy + "'::uuid",
                "from", "'2021-06-07T00:00:00Z'::timestamptz", "to", "'2021-06-14T00:00:00Z'::timestamptz",
                "limit", "100", "afterAt", "'2021-06-08T00:00:00Z'::timestamptz",
                "afterId", "'00000000-0000-0000-0000-000000000000'::uuid", "titlePattern", "'%event%'",
                "likeEscape", "chr(92)");
        String arguments = names.stream().map(values::get).collect(Collectors.joining(", "));
        return jdbi.withHandle(handle -> {
            handle.execute("set plan_cache_mode = force_generic_plan");
            try {
                handle.execute("prepare window_plan as " + positional);
                return String.join("\n", handle.createQuery("explain execute window_plan(" + arguments + ")")
                        .mapTo(String.class).list());
            } finally {
                handle.execute("deallocate all");
                handle.execute("reset plan_cache_mode");
            }
        });
    }
}
