package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PSQLException;

/**
 * The database is the second wall: rows written by raw SQL, past the domain, are still held to the structural
 * rules. Each test starts from a valid row and breaks one thing.
 */
class SchemaConstraintsTest {
    private static final OffsetDateTime T0 = OffsetDateTime.parse("2026-03-10T09:00:00Z");
    private static DataSource dataSource;
    private static Jdbi jdbi;

    private final UUID accountId = UUID.randomUUID();
    private final UUID calendarId = UUID.randomUUID();

    @BeforeAll
    static void database() {
        dataSource = TestDatabase.freshDataSource();
        jdbi = Jdbi.create(dataSource);
    }

    @BeforeEach
    void oneAccountWithOneCalendar() {
        TestDatabase.truncateAll(dataSource);
        insert("accounts", account(accountId, "ada@example.org"));
        insert("calendars", calendar());
    }

    // --- events: time ---

    @Test
    void a_valid_timed_event_and_a_valid_all_day_event_are_accepted() {
        insert("events", timedEvent());
        insert("events", allDayEvent());

        assertThat(count("select count(*) from events")).isEqualTo(2);
    }

    @Test
    void an_event_that_ends_before_it_starts_is_refused() {
        assertRefusedBy("events_start_before_end", "events", timedEvent(Map.of("end_at", T0.minusHours(1))));
    }

    @Test
    void an_event_that_ends_as_it_starts_is_refused() {
        assertRefusedBy("events_start_before_end", "events", timedEvent(Map.of("end_at", T0)));
    }

    @Test
    void an_event_longer_than_five_years_is_refused() {
        assertRefusedBy("events_span_bounded", "events", timedEvent(Map.of("end_at", T0.plusYears(6))));
    }

    @Test
    void a_timed_event_without_a_zone_is_refused() {
        assertRefusedBy("events_one_kind_of_time", "events", timedEvent(nulls("end_zone")));
    }

    @Test
    void an_event_with_both_kinds_of_time_is_refused() {
        assertRefusedBy("events_one_kind_of_time", "events", timedEvent(Map.of(
                "start_date", LocalDate.parse("2026-03-10"), "end_date", LocalDate.parse("2026-03-11"))));
    }

    @Test
    void an_all_day_flag_that_contradicts_the_time_columns_is_refused() {
        assertRefusedBy("events_one_kind_of_time", "events", timedEvent(Map.of("all_day", true)));
        assertRefusedBy("events_one_kind_of_time", "events", allDayEvent(Map.of("all_day", false)));
    }

    @Test
    void an_all_day_event_whose_end_date_is_not_after_its_start_date_is_refused() {
        assertRefusedBy("events_dates_ordered", "events",
                allDayEvent(Map.of("end_date", LocalDate.parse("2026-03-10"))));
    }

    // --- event_overrides ---

    private Map<String, Object> override(UUID seriesId, String originalStart) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("series_id", seriesId);
        row.put("original_start", originalStart);
        row.put("title", "Moved");
        row.put("title_folded", "moved");
        row.put("description", "");
        row.put("location", "");
        row.put("all_day", false);
        row.put("start_local", LocalDateTime.parse("2026-03-17T11:00"));
        row.put("start_zone", "Europe/Berlin");
        row.put("end_local", LocalDateTime.parse("2026-03-17T11:15"));
        row.put("end_zone", "Europe/Berlin");
        row.put("start_date", null);
        row.put("end_date", null);
        row.put("status", "CONFIRMED");
        return row;
    }

    @Test
    void a_second_override_of_the_same_original_start_is_refused() {
        Map<String, Object> series = timedEvent(Map.of("recurrence", "RRULE:FREQ=WEEKLY"));
        insert("events", series);
        UUID seriesId = (UUID) series.get("id");
        insert("event_overrides", override(seriesId, "2026-03-17T10:00"));
        assertRefusedBy("event_overrides_pkey", "event_overrides", override(seriesId, "2026-03-17T10:00"));
    }

    @Test
    void an_override_without_its_series_or_with_a_garbled_original_start_is_refused() {
        assertRefusedBy("event_overrides_series_id_fkey", "event_overrides",
                override(UUID.randomUUID(), "2026-03-17T10:00"));
        Map<String, Object> series = timedEvent(Map.of("recurrence", "RRULE:FREQ=WEEKLY"));
        insert("events", series);
        assertRefusedBy("event_overrides_original_start_form", "event_overrides",
                override((UUID) series.get("id"), "next tuesday"));
        assertRefusedBy("event_overrides_one_kind_of_time", "event_overrides",
                with(override((UUID) series.get("id"), "2026-03-17T10:00"), Map.of("all_day", true)));
    }

    // --- events: other columns ---

    @Test
    void an_unknown_status_is_refused() {
        assertRefusedBy("events_status_known", "events", timedEvent(Map.of("status", "MAYBE")));
    }

    @Test
    void an_empty_or_overlong_title_is_refused() {
        assertRefusedBy("events_title_length", "events", timedEvent(Map.of("title", "")));
        assertRefusedBy("events_title_length", "events", timedEvent(Map.of("title", "x".repeat(501))));
    }

    @Test
    void a_negative_version_is_refused() {
        assertRefusedBy("events_version_not_negative", "events", timedEvent(Map.of("version", -1)));
    }

    @Test
    void an_event_of_a_calendar_that_does_not_exist_is_refused() {
        assertRefusedBy("events_calendar_id_fkey", "events", timedEvent(Map.of("calendar_id", UUID.randomUUID())));
    }

    // --- calendars and accounts ---

    @Test
    void a_calendar_with_an_empty_name_or_an_overlong_description_is_refused() {
        assertRefusedBy("calendars_name_length", "calendars", with(calendar(), Map.of("id", UUID.randomUUID(),
                "name", "")));
        assertRefusedBy("calendars_description_length", "calendars", with(calendar(), Map.of("id",
                UUID.randomUUID(), "description", "x".repeat(10_001))));
    }

    @Test
    void a_calendar_of_an_account_that_does_not_exist_is_refused() {
        assertRefusedBy("calendars_owner_id_fkey", "calendars", with(calendar(), Map.of("id", UUID.randomUUID(),
                "owner_id", UUID.randomUUID())));
    }

    @Test
    void two_accounts_with_the_same_normalised_email_are_refused() {
        assertRefusedBy("accounts_email_normalized_key", "accounts",
                account(UUID.randomUUID(), "ADA@example.org"));
    }

    @Test
    void an_unknown_account_status_is_refused() {
        assertRefusedBy("accounts_status_known", "accounts",
                with(account(UUID.randomUUID(), "grace@example.org"), Map.of("status", "BANNED")));
    }

    @Test
    void deleting_an_account_deletes_its_calendars_and_their_events() {
        insert("events", timedEvent());

        jdbi.useHandle(h -> h.execute("delete from accounts where id = ?", accountId));

        assertThat(count("select (select count(*) from calendars) + (select count(*) from events)")).isZero();
    }

    // --- api keys ---

    @Test
    void a_valid_api_key_is_accepted_and_goes_with_its_account() {
        insert("api_keys", apiKey(Map.of()));
        assertThat(count("select count(*) from api_keys")).isEqualTo(1);

        jdbi.useHandle(h -> h.execute("delete from accounts where id = ?", accountId));

        assertThat(count("select count(*) from api_keys")).isZero();
    }

    @Test
    void an_api_key_is_held_to_its_shape() {
        assertRefusedBy("api_keys_secret_hash_form", "api_keys", apiKey(Map.of("secret_hash", "alm_plain_secret")));
        assertRefusedBy("api_keys_prefix_form", "api_keys", apiKey(Map.of("prefix", "key_12345678")));
        assertRefusedBy("api_keys_name_length", "api_keys", apiKey(Map.of("name", "")));
        assertRefusedBy("api_keys_scopes_known", "api_keys", apiKey(Map.of("scopes", new String[] {"root"})));
        assertRefusedBy("api_keys_scopes_known", "api_keys", apiKey(Map.of("scopes", new String[0])));
        assertRefusedBy("api_keys_expire_after_created", "api_keys", apiKey(Map.of("expires_at", T0)));
        assertRefusedBy("api_keys_used_after_created", "api_keys",
                apiKey(Map.of("last_used_at", T0.minusSeconds(1))));
        assertRefusedBy("api_keys_version_positive", "api_keys", apiKey(Map.of("version", 0)));
    }

    @Test
    void two_api_keys_with_the_same_secret_are_refused() {
        insert("api_keys", apiKey(Map.of()));

        assertRefusedBy("api_keys_secret_hash_unique", "api_keys", apiKey(Map.of()));
    }

    private Map<String, Object> apiKey(Map<String, Object> changes) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", UUID.randomUUID());
        row.put("account_id", accountId);
        row.put("name", "CI");
        row.put("prefix", "alm_3f9c01ab");
        row.put("secret_hash", "a".repeat(64));
        row.put("scopes", new String[] {"events:read", "calendars:write"});
        row.put("created_at", T0);
        row.put("expires_at", T0.plusDays(30));
        row.put("last_used_at", null);
        row.put("revoked_at", null);
        row.put("version", 1);
        return with(row, changes);
    }

    private static long count(String sql) {
        return jdbi.withHandle(h -> h.createQuery(sql).mapTo(Long.class).one());
    }

    // --- rows ---

    private Map<String, Object> account(UUID id, String email) {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", id);
        row.put("email", email);
        row.put("email_normalized", email.toLowerCase(java.util.Locale.ROOT));
        row.put("display_name", "Ada");
        row.put("password_hash", "$fake$g1$x");
        row.put("status", "ACTIVE");
        row.put("created_at", T0);
        return row;
    }

    private Map<String, Object> calendar() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", calendarId);
        row.put("owner_id", accountId);
        row.put("name", "Work");
        row.put("description", "");
        row.put("time_zone", "Europe/Berlin");
        row.put("version", 0);
        row.put("created_at", T0);
        row.put("updated_at", T0);
        return row;
    }

    private Map<String, Object> timedEvent() {
        Map<String, Object> row = new LinkedHashMap<>();
        row.put("id", UUID.randomUUID());
        row.put("calendar_id", calendarId);
        row.put("title", "Standup");
        row.put("title_folded", "standup");
        row.put("description", "");
        row.put("location", "");
        row.put("all_day", false);
        row.put("start_local", LocalDateTime.parse("2026-03-10T10:00"));
        row.put("start_zone", "Europe/Berlin");
        row.put("end_local", LocalDateTime.parse("2026-03-10T10:15"));
        row.put("end_zone", "Europe/Berlin");
        row.put("start_date", null);
        row.put("end_date", null);
        row.put("start_at", T0);
        row.put("end_at", T0.plusMinutes(15));
        row.put("status", "CONFIRMED");
        row.put("version", 0);
        row.put("created_at", T0);
        row.put("updated_at", T0);
        return row;
    }

    private Map<String, Object> timedEvent(Map<String, Object> changes) {
        return with(timedEvent(), changes);
    }

    private Map<String, Object> allDayEvent() {
        Map<String, Object> row = timedEvent();
        row.put("all_day", true);
        row.put("start_local", null);
        row.put("start_zone", null);
        row.put("end_local", null);
        row.put("end_zone", null);
        row.put("start_date", LocalDate.parse("2026-03-10"));
        row.put("end_date", LocalDate.parse("2026-03-11"));
        row.put("start_at", OffsetDateTime.parse("2026-03-09T23:00:00Z"));
        row.put("end_at", OffsetDateTime.parse("2026-03-10T23:00:00Z"));
        return row;
    }

    private Map<String, Object> allDayEvent(Map<String, Object> changes) {
        return with(allDayEvent(), changes);
    }

    private static Map<String, Object> nulls(String column) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put(column, null);
        return changes;
    }

    private static Map<String, Object> with(Map<String, Object> row, Map<String, Object> changes) {
        Map<String, Object> changed = new LinkedHashMap<>(row);
        changed.putAll(changes);
        return changed;
    }

    private static void insert(String table, Map<String, Object> row) {
        String columns = String.join(", ", row.keySet());
        String values = String.join(", ", row.keySet().stream().map(c -> ":" + c).toList());
        jdbi.useHandle(h -> h.createUpdate("insert into " + table + " (" + columns + ") values (" + values + ")")
                .bindMap(row)
                .execute());
    }

    private static void assertRefusedBy(String constraint, String table, Map<String, Object> row) {
        Throwable refused = catchThrowable(() -> insert(table, row));
        assertThat(refused).as("insert refused by " + constraint).isNotNull();
        PSQLException cause = rootPsql(refused);
        assertThat(cause.getServerErrorMessage().getConstraint()).isEqualTo(constraint);
    }

    private static PSQLException rootPsql(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                return psql;
            }
        }
        throw new AssertionError("not a PostgreSQL error", failure);
    }

    @Test
    void the_helper_itself_sees_a_valid_row_accepted() {
        assertThatThrownBy(() -> assertRefusedBy("events_start_before_end", "events", timedEvent()))
                .isInstanceOf(AssertionError.class);
    }
}
