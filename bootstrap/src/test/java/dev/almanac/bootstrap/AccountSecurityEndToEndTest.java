package dev.almanac.bootstrap;

import static dev.almanac.adapter.http.testing.Json.object;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.almanac.adapter.http.testing.JsonHttp;
import dev.almanac.adapter.persistence.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Session-bound access tokens, password change and account deletion as wired for production: real Argon2id, real
 * Ed25519 tokens, Jdbi on real PostgreSQL, over HTTP. The deletion test reads the schema itself, so a table added
 * later that keeps a deleted account's rows fails it.
 */
class AccountSecurityEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final String NEW_PASSWORD = "a brand new passphrase";
    private static final byte[] SECRET = "a shared replica secret of 32+ bytes....".getBytes(UTF_8);
    /** The audit trail's column naming the account an entry is about; kept when the account is deleted. */
    private static final String AUDIT_ACTOR = "actor_id";

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    private static Config config(TestDatabase.Fresh db, Path dataDir) {
        return new Config("127.0.0.1", 0, Optional.of(db.jdbcUrl()), db.user(), db.password(), 4, dataDir,
                Optional.of(SECRET), Duration.ofMinutes(15));
    }

    private static JsonHttp client(Almanac almanac) {
        return JsonHttp.at(URI.create("http://127.0.0.1:" + almanac.port()));
    }

    private static JsonNode signUpAndIn(JsonHttp anonymous, String email) {
        anonymous.post("/v1/accounts", object("email", email, "password", PASSWORD, "displayName", "Someone"))
                .expect(201);
        return signIn(anonymous, email, PASSWORD);
    }

    private static JsonNode signIn(JsonHttp anonymous, String email, String password) {
        return anonymous.post("/v1/auth/token", object("email", email, "password", password)).expect(200).json();
    }

    private static JsonHttp as(JsonHttp anonymous, JsonNode tokens) {
        return anonymous.withToken(tokens.get("accessToken").asText());
    }

    @Test
    void a_sign_in_revoked_on_one_replica_is_refused_there_at_once_and_by_the_other_once_notified() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (Almanac a = Almanac.start(config(db, dataA)); Almanac b = Almanac.start(config(db, dataB))) {
            JsonNode laptop = signUpAndIn(client(a), "ada.replicas@example.org");
            JsonNode phone = signIn(client(a), "ada.replicas@example.org", PASSWORD);
            // B has verified the laptop's token, and remembered its session as alive, before the revocation
            as(client(b), laptop).get("/v1/me").expect(200);
            as(client(b), laptop).get("/v1/me").expect(200);

            client(a).post("/v1/auth/logout", object("refreshToken", laptop.get("refreshToken").asText()))
                    .expect(204);

            as(client(a), laptop).get("/v1/me").problem(401, "auth.token_invalid");
            awaitStatus(as(client(b), laptop), 401, Duration.ofSeconds(3));
            as(client(b), laptop).get("/v1/me").problem(401, "auth.token_invalid");
            as(client(b), phone).get("/v1/me").expect(200);
        }
    }

    @Test
    void with_the_session_cache_off_a_sign_in_revoked_on_one_replica_is_refused_by_the_other_at_once() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (Almanac a = Almanac.start(config(db, dataA).withSessionCache(false));
             Almanac b = Almanac.start(config(db, dataB).withSessionCache(false))) {
            JsonNode laptop = signUpAndIn(client(a), "ada.strict@example.org");
            JsonNode phone = signIn(client(a), "ada.strict@example.org", PASSWORD);
            as(client(b), laptop).get("/v1/me").expect(200);

            client(a).post("/v1/auth/logout", object("refreshToken", laptop.get("refreshToken").asText()))
                    .expect(204);

            as(client(b), laptop).get("/v1/me").problem(401, "auth.token_invalid");
            as(client(a), laptop).get("/v1/me").problem(401, "auth.token_invalid");
            as(client(b), phone).get("/v1/me").expect(200);
        }
    }

    /** Asks {@code GET /v1/me} until it answers {@code status}, failing after {@code within}. */
    static void awaitStatus(JsonHttp http, int status, Duration within) {
        long deadline = System.nanoTime() + within.toNanos();
        int last;
        while ((last = http.get("/v1/me").status()) != status) {
            assertThat(System.nanoTime() - deadline).as("GET /v1/me answered " + last + ", not " + status
                    + ", for " + within).isNegative();
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    @Test
    void a_password_change_ends_every_other_sign_in_and_keeps_the_callers() {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (Almanac almanac = Almanac.start(config(db, dataA))) {
            JsonHttp anonymous = client(almanac);
            JsonNode caller = signUpAndIn(anonymous, "ada.password@example.org");
            JsonNode other = signIn(anonymous, "ada.password@example.org", PASSWORD);
            JsonNode otherRotated = anonymous.post("/v1/auth/refresh",
                    object("refreshToken", other.get("refreshToken").asText())).expect(200).json();

            as(anonymous, caller).post("/v1/me/password", object("currentPassword", "not the password at all",
                    "newPassword", NEW_PASSWORD)).problem(403, "account.password.wrong");
            as(anonymous, otherRotated).get("/v1/me").expect(200);

            as(anonymous, caller).post("/v1/me/password", object("currentPassword", PASSWORD,
                    "newPassword", NEW_PASSWORD)).expect(204);

            as(anonymous, other).get("/v1/me").problem(401, "auth.token_invalid");
            as(anonymous, otherRotated).get("/v1/me").problem(401, "auth.token_invalid");
            anonymous.post("/v1/auth/refresh", object("refreshToken", otherRotated.get("refreshToken").asText()))
                    .problem(401, "auth.refresh_token_invalid");
            as(anonymous, caller).get("/v1/me").expect(200);
            JsonNode callerRotated = anonymous.post("/v1/auth/refresh",
                    object("refreshToken", caller.get("refreshToken").asText())).expect(200).json();
            as(anonymous, callerRotated).get("/v1/me").expect(200);
            anonymous.post("/v1/auth/token", object("email", "ada.password@example.org", "password", PASSWORD))
                    .problem(401, "auth.invalid_credentials");
            signIn(anonymous, "ada.password@example.org", NEW_PASSWORD);
        }
    }

    @Test
    void deleting_an_account_leaves_no_row_of_it_but_its_anonymous_audit_trail_and_every_token_answers_401()
            throws Exception {
        TestDatabase.Fresh db = TestDatabase.fresh();
        try (Almanac almanac = Almanac.start(config(db, dataA))) {
            JsonHttp anonymous = client(almanac);
            String adaEmail = "ada.deleted@example.org";
            JsonNode ada = signUpAndIn(anonymous, adaEmail);
            VerifiedByHand.verify(db, adaEmail);
            JsonNode adaElsewhere = signIn(anonymous, adaEmail, PASSWORD);
            anonymous.post("/v1/auth/refresh", object("refreshToken", adaElsewhere.get("refreshToken").asText()))
                    .expect(200);
            anonymous.post("/v1/auth/token", object("email", adaEmail, "password", "a wrong password here"))
                    .expect(401);
            List<String> adasIds = new ArrayList<>(fillAccount(as(anonymous, ada)));
            JsonNode grace = signUpAndIn(anonymous, "grace.stays@example.org");
            VerifiedByHand.verify(db, "grace.stays@example.org");
            fillAccount(as(anonymous, grace));
            anonymous.post("/v1/auth/token", object("email", "grace.stays@example.org", "password",
                    "a wrong password here")).expect(401);
            UUID adaId = UUID.fromString(as(anonymous, ada).get("/v1/me").expect(200).json().get("id").asText());
            UUID graceId = UUID.fromString(as(anonymous, grace).get("/v1/me").expect(200).json().get("id").asText());
            adasIds.add(adaId.toString());
            adasIds.addAll(sessionIds(as(anonymous, ada)));

            Map<String, List<String>> accountColumns = accountColumns(db);
            assertThat(accountColumns).as("the schema scan must see the known tables")
                    .containsKeys("accounts", "calendars", "sessions", "login_throttles", "audit_log");
            // The one deliberate exception (ADR 0016): the audit trail keeps its entries, naming the deleted account
            // by its id only; their address, user agent and subject are forgotten (asserted below).
            assertThat(accountColumns.get("audit_log")).containsExactly(AUDIT_ACTOR);
            Map<String, List<String>> exceptTheTrail = new LinkedHashMap<>(accountColumns);
            exceptTheTrail.remove("audit_log");
            assertThat(rowsReferring(db, accountColumns, adaId)).as("before").isNotEmpty();
            assertThat(rowsContaining(db, adasIds)).as("before").containsKeys("accounts", "calendars", "events",
                    "event_overrides", "calendar_feeds", "sessions", "refresh_tokens", "login_throttles");

            as(anonymous, ada).post("/v1/me/delete", object("password", PASSWORD)).expect(204);

            assertThat(rowsReferring(db, exceptTheTrail, adaId)).as("rows naming the deleted account").isEmpty();
            assertThat(count(db, "select count(*) from audit_log where actor_id = '" + adaId + "'"))
                    .as("the deleted account's audit entries are kept").isGreaterThanOrEqualTo(6);
            assertThat(count(db, "select count(*) from audit_log where actor_id = '" + adaId + "' and (ip is not null"
                    + " or user_agent is not null or subject is not null)"))
                    .as("audit entries of the deleted account still holding an address, user agent or subject")
                    .isZero();
            assertThat(count(db, "select count(*) from audit_log where actor_id = '" + adaId
                    + "' and event = 'account.deleted' and outcome = 'success'")).isEqualTo(1);
            assertThat(count(db, "select count(*) from audit_log where actor_id = '" + graceId
                    + "' and ip is not null")).as("the other account's trail keeps its addresses").isPositive();
            assertThat(rowsContaining(db, adasIds)).as("rows holding any id of the deleted account").isEmpty();
            assertThat(rowsContaining(db, List.of(adaEmail))).as("rows holding its e-mail address").isEmpty();
            assertThat(rowsReferring(db, accountColumns, graceId)).as("the other account keeps its rows")
                    .containsKeys("accounts.id", "calendars.owner_id", "sessions.account_id",
                            "login_throttles.account_id");
            assertThat(count(db, "select count(*) from events e join calendars c on c.id = e.calendar_id"
                    + " where c.owner_id = '" + graceId + "'")).isEqualTo(2);

            as(anonymous, ada).get("/v1/me").problem(401, "auth.token_invalid");
            as(anonymous, adaElsewhere).get("/v1/calendars").problem(401, "auth.token_invalid");
            anonymous.post("/v1/auth/refresh", object("refreshToken", ada.get("refreshToken").asText()))
                    .problem(401, "auth.refresh_token_invalid");
            as(anonymous, grace).get("/v1/me").expect(200);

            JsonNode again = signUpAndIn(anonymous, adaEmail);
            assertThat(as(anonymous, again).get("/v1/me").expect(200).json().get("id").asText())
                    .isNotEqualTo(adaId.toString());
        }
    }

    /** A calendar with a single event, a weekly series with one changed occurrence, and a feed; returns the ids. */
    private static List<String> fillAccount(JsonHttp owner) {
        String calendar = owner.post("/v1/calendars", object("name", "Work", "timeZone", "Europe/Berlin"))
                .expect(201).header("Location");
        String events = calendar + "/events";
        String single = owner.post(events, object("title", "Dentist",
                "start", object("dateTime", "2026-03-03T10:00", "timeZone", "Europe/Berlin"),
                "end", object("dateTime", "2026-03-03T11:00", "timeZone", "Europe/Berlin"))).expect(201)
                .json().get("id").asText();
        var rule = new ObjectMapper().createArrayNode().add("RRULE:FREQ=WEEKLY;COUNT=4");
        String series = owner.post(events, object("title", "Standup",
                "start", object("dateTime", "2026-03-02T09:00", "timeZone", "Europe/Berlin"),
                "end", object("dateTime", "2026-03-02T09:15", "timeZone", "Europe/Berlin"), "recurrence", rule))
                .expect(201).json().get("id").asText();
        owner.patch(events + "/" + series + "_20260309T090000?scope=this", object("title", "Retro")).expect(200);
        String feed = owner.send("POST", calendar + "/feeds", HttpRequest.BodyPublishers.noBody()).expect(201)
                .json().get("id").asText();
        return List.of(calendar.substring(calendar.lastIndexOf('/') + 1), single, series, feed);
    }

    private static List<String> sessionIds(JsonHttp owner) {
        List<String> ids = new ArrayList<>();
        owner.get("/v1/me/sessions").expect(200).json().get("items").forEach(s -> ids.add(s.get("id").asText()));
        assertThat(ids).hasSize(2);
        return ids;
    }

    /**
     * Every column of every table that refers to an account: the primary key of {@code accounts}, every column
     * with a foreign key to it, and every uuid column whose name says it holds an account (account, owner, actor,
     * user), so that a table added later without a foreign key is looked at too.
     */
    private static Map<String, List<String>> accountColumns(TestDatabase.Fresh db) throws SQLException {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        columns.computeIfAbsent("accounts", t -> new ArrayList<>()).add("id");
        String sql = """
                select kcu.table_name, kcu.column_name
                  from information_schema.table_constraints tc
                  join information_schema.key_column_usage kcu
                    on kcu.constraint_name = tc.constraint_name and kcu.table_schema = tc.table_schema
                  join information_schema.constraint_column_usage ccu
                    on ccu.constraint_name = tc.constraint_name and ccu.table_schema = tc.table_schema
                 where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = current_schema()
                   and ccu.table_name = 'accounts'
                union
                select c.table_name, c.column_name
                  from information_schema.columns c
                  join information_schema.tables t
                    on t.table_name = c.table_name and t.table_schema = c.table_schema
                 where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
                   and c.data_type = 'uuid' and c.table_name <> 'accounts'
                   and (c.column_name like '%account%' or c.column_name like '%owner%'
                        or c.column_name like '%actor%' or c.column_name like '%user%')
                 order by 1, 2
                """;
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                List<String> ofTable = columns.computeIfAbsent(rs.getString(1), t -> new ArrayList<>());
                if (!ofTable.contains(rs.getString(2))) {
                    ofTable.add(rs.getString(2));
                }
            }
        }
        return columns;
    }

    /** {@code table.column -> rows} for every account column that holds {@code account} in some row. */
    private static Map<String, Long> rowsReferring(TestDatabase.Fresh db, Map<String, List<String>> columns,
                                                   UUID account) throws SQLException {
        Map<String, Long> found = new LinkedHashMap<>();
        for (var table : columns.entrySet()) {
            for (String column : table.getValue()) {
                long rows = count(db, "select count(*) from \"" + table.getKey() + "\" where \"" + column
                        + "\" = '" + account + "'");
                if (rows > 0) {
                    found.put(table.getKey() + "." + column, rows);
                }
            }
        }
        return found;
    }

    /**
     * {@code table -> rows} for every table of the schema (Flyway's history aside) with a row whose text form
     * contains one of {@code needles}: catches an id or address kept in a column of any name or type. The audit
     * trail's actor column is left out of its rows' text.
     */
    private static Map<String, Long> rowsContaining(TestDatabase.Fresh db, List<String> needles)
            throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement("""
                select table_name from information_schema.tables
                 where table_schema = current_schema() and table_type = 'BASE TABLE'
                   and table_name <> 'flyway_schema_history'
                """); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        assertThat(tables).contains("events", "event_overrides", "calendar_feeds", "refresh_tokens");
        Map<String, Long> found = new LinkedHashMap<>();
        for (String table : tables) {
            for (String needle : needles) {
                // The audit trail's actor column is the one place allowed to keep an account's id (ADR 0016).
                String row = table.equals("audit_log") ? "(to_jsonb(t) - '" + AUDIT_ACTOR + "')::text" : "t::text";
                long rows = count(db, "select count(*) from \"" + table + "\" t where strpos(lower(" + row
                        + "), lower('" + needle.replace("'", "''") + "')) > 0");
                if (rows > 0) {
                    found.merge(table, rows, Long::sum);
                }
            }
        }
        return found;
    }

    private static long count(TestDatabase.Fresh db, String sql) throws SQLException {
        try (Connection c = db.dataSource().getConnection(); PreparedStatement s = c.prepareStatement(sql);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
