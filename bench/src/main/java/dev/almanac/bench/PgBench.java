package dev.almanac.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.HdrHistogram.Histogram;

/**
 * The physical limit: pgbench against the same server and the same tables, one statement per transaction, the
 * statements the adapter itself runs (the insert of one event with its indexes; the select by primary key with
 * the calendar join; the week's range query). Prepared statements, as the JDBC driver uses after a few calls.
 */
final class PgBench {
    /** The columns the adapter reads for an event, with its calendar's zone; also the bare endpoint's. */
    static final String COLUMNS = "e.id, e.calendar_id, e.title, e.title_folded, e.description, e.location,"
            + " e.all_day, e.start_local, e.start_zone, e.end_local, e.end_zone, e.start_date, e.end_date,"
            + " e.start_at, e.end_at, e.status, e.version, e.created_at, e.updated_at, c.time_zone as calendar_zone";
    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern FAILED = Pattern.compile("number of failed transactions: (\\d+)");

    private final Path dir;
    private final Map<String, String> env;
    private int serial;

    PgBench(Path dir, Plan plan, BenchDatabase database) {
        this.dir = dir;
        this.env = database.libpqEnvironment();
        String calendar = "('" + BenchIds.prefix(BenchIds.CALENDAR) + "' || lpad(to_hex(:c::bigint), 12, '0'))::uuid";
        String weekZero = "timestamptz '" + Plan.WEEK_ZERO + "'";
        write("insert", String.join("\n",
                "\\set d random(0, " + (plan.weeks() * 7 - 1) + ")",
                "\\set h random(8, 17)",
                "insert into events (id, calendar_id, title, title_folded, description, location, all_day,"
                        + " start_local, start_zone, end_local, end_zone, start_date, end_date, start_at, end_at,"
                        + " status, version, created_at, updated_at) values ("
                        // a UUIDv7 like the service's: milliseconds, version 7, variant, randomness
                        + "(lpad(to_hex((extract(epoch from clock_timestamp()) * 1000)::bigint), 12, '0') || '7'"
                        + " || substr(md5(random()::text), 1, 3) || '8' || substr(md5(random()::text), 1, 15))::uuid,"
                        + " '" + Seeder.calendar(plan.writeCalendar()).value() + "',"
                        + " 'Created by pgbench', 'created by pgbench', 'One more meeting.', 'Room 7', false,"
                        + " timestamp '2026-01-05 00:00' + :d::int * interval '1 day' + :h::int * interval '1 hour',"
                        + " 'Europe/Berlin',"
                        + " timestamp '2026-01-05 00:45' + :d::int * interval '1 day' + :h::int * interval '1 hour',"
                        + " 'Europe/Berlin', null, null,"
                        + " " + weekZero + " + :d::int * interval '1 day' + :h::int * interval '1 hour',"
                        + " " + weekZero + " + :d::int * interval '1 day' + :h::int * interval '1 hour'"
                        + " + interval '45 minutes',"
                        + " 'CONFIRMED', 0, now(), now());"));
        write("select", String.join("\n",
                "\\set n random(1, " + plan.busyEvents() + ")",
                "\\set c (:n - 1) / " + plan.busyEventsPerCalendar() + " + 1",
                "select " + COLUMNS + " from events e join calendars c on c.id = e.calendar_id"
                        + " where e.id = ('" + BenchIds.prefix(BenchIds.BUSY_EVENT)
                        + "' || lpad(to_hex(:n::bigint), 12, '0'))::uuid and e.calendar_id = " + calendar + ";"));
        // The plain overlap query, answered by the GiST index, not the service's two-part statement (ADR 0026):
        // for an ordinary week PostgreSQL plans and runs the two parts in about twice the time of this one, and
        // the limit to compare with is the cheapest way PostgreSQL answers the question.
        write("range", String.join("\n",
                "\\set c random(1, " + plan.busyCalendars() + ")",
                "\\set w random(0, " + (plan.weeks() - 1) + ")",
                "select " + COLUMNS + " from events e join calendars c on c.id = e.calendar_id"
                        + " where e.calendar_id = " + calendar
                        + " and tstzrange(e.start_at, e.end_at, '[)') && tstzrange(" + weekZero
                        + " + :w::int * interval '7 days', " + weekZero + " + (:w::int + 1) * interval '7 days', '[)')"
                        + " order by e.start_at, e.id limit 101;"));
    }

    private void write(String name, String script) {
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve(name + ".sql"), script + "\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs script {@code name} ("insert", "select", "range") with {@code clients} connections. */
    Run run(String name, int clients, Duration duration) {
        long seconds = Math.max(1, duration.toSeconds());
        String prefix = "log-" + name + "-" + (++serial);
        Service.Reading before = Service.Reading.machine();
        Tools.Output out = Tools.run(List.of("pgbench", "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(2, clients)), "-T", String.valueOf(seconds), "-f",
                dir.resolve(name + ".sql").toString(), "-l", "--log-prefix=" + prefix), env, dir,
                Duration.ofSeconds(seconds + 60));
        Service.Cpu machine = Service.Reading.machine().since(before);
        Matcher tps = TPS.matcher(out.text());
        if (out.exit() != 0 || !tps.find()) {
            throw new IllegalStateException("pgbench " + name + " failed (exit " + out.exit() + "):\n" + out.text());
        }
        Matcher failed = FAILED.matcher(out.text());
        long failures = failed.find() ? Long.parseLong(failed.group(1)) : 0;
        Histogram micros = new Histogram(3);
        try (DirectoryStream<Path> logs = Files.newDirectoryStream(dir, prefix + "*")) {
            for (Path log : logs) {
                try (var lines = Files.lines(log)) {
                    lines.forEach(line -> {
                        String[] f = line.split(" ");
                        if (f.length >= 3 && !f[2].equals("failed") && !f[2].equals("skipped")) {
                            micros.recordValue(Math.max(1, Long.parseLong(f[2])));
                        }
                    });
                }
                Files.delete(log);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        var statuses = new java.util.TreeMap<String, Long>();
        statuses.put("ok", micros.getTotalCount());
        if (failures > 0) {
            statuses.put("failed", failures);
        }
        Run fromLog = Run.of(micros, seconds, statuses, machine, Double.NaN);
        return new Run(Double.parseDouble(tps.group(1)), fromLog.p50(), fromLog.p90(), fromLog.p99(), fromLog.max(),
                fromLog.count(), statuses, Double.NaN, Double.NaN, Double.NaN, machine.stealCores());
    }
}
