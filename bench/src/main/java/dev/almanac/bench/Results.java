package dev.almanac.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.ToDoubleFunction;

/** Everything one harness run measured, and how it is written: a Markdown table and one JSON line. */
final class Results {
    /**
     * An HTTP scenario: its runs, the pgbench statement it is compared with (if any) and the least ratio to it the
     * targets ask for, and the median latency it must stay under (if any).
     */
    record Row(String scenario, String jdk, String load, List<Run> runs, Optional<String> reference,
               Optional<Double> minRatio, Optional<Double> maxP50Ms) {
        Row(String scenario, String jdk, String load, List<Run> runs, Optional<String> reference,
            Optional<Double> minRatio) {
            this(scenario, jdk, load, runs, reference, minRatio, Optional.empty());
        }

        /** Whether the median p50 is under {@link #maxP50Ms}; empty when the row has no such target. */
        Optional<Boolean> p50Met() {
            return maxP50Ms.map(max -> median(runs, Run::p50) < max);
        }
    }

    record PgRow(String statement, int clients, List<Run> runs) {
    }

    record ScalingRow(long events, List<Run> http, List<Run> pgbench) {
    }

    /** Three measured starts of one JDK, and the machine's CPU steal over them (a busy host shows here). */
    record StartupRow(String jdk, List<Double> spawnToReadyMs, List<Double> selfReportedMs, double stealCores) {
    }

    record JmhRow(String benchmark, double score, double error, String unit) {
    }

    final List<Row> rows = new ArrayList<>();
    final List<PgRow> pgbench = new ArrayList<>();
    final List<ScalingRow> scaling = new ArrayList<>();
    final List<StartupRow> startup = new ArrayList<>();
    final List<JmhRow> jmh = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final Map<String, Object> machine = new LinkedHashMap<>();
    /** Issue 4's series calendar: what was seeded, what the measured week's answer held, and its figures. */
    final Map<String, Object> seriesWeek = new LinkedHashMap<>();

    static double median(List<Run> runs, ToDoubleFunction<Run> figure) {
        return median(runs.stream().mapToDouble(figure).boxed().toList());
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().filter(v -> !v.isNaN()).sorted().toList();
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }

    private static double min(List<Run> runs, ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).min().orElse(Double.NaN);
    }

    private static double max(List<Run> runs, ToDoubleFunction<Run> f) {
        return runs.stream().mapToDouble(f).max().orElse(Double.NaN);
    }

    Optional<PgRow> pg(String statement) {
        return pgbench.stream().filter(p -> p.statement().equals(statement)).findFirst();
    }

    Optional<Double> ratio(Row row) {
        return row.reference().flatMap(this::pg)
                .map(p -> median(row.runs(), Run::throughput) / median(p.runs(), Run::throughput));
    }

    private static String f(double v, int decimals) {
        return Double.isNaN(v) ? "–" : String.format(Locale.ROOT, "%,." + decimals + "f", v);
    }

    private static String spread(List<Run> runs, ToDoubleFunction<Run> figure, int decimals) {
        return f(median(runs, figure), decimals) + " [" + f(min(runs, figure), decimals) + "–"
                + f(max(runs, figure), decimals) + "]";
    }

    private static String statuses(List<Run> runs) {
        var total = new java.util.TreeMap<String, Long>();
        runs.forEach(r -> r.statuses().forEach((k, v) -> total.merge(k, v, Long::sum)));
        long errors = runs.stream().mapToLong(Run::errors).sum();
        var parts = new ArrayList<String>();
        total.forEach((k, v) -> parts.add(k + ":" + v));
        return errors + " (" + String.join(" ", parts) + ")";
    }

    String markdown(String title) {
        var md = new StringBuilder("# " + title + "\n\n");
        md.append("Machine: ").append(machine).append("\n\n");
        md.append("## HTTP scenarios\n\nEach figure is the median of ").append(rows.isEmpty() ? 0 : rows.get(0).runs().size())
                .append(" runs; throughput shows [min–max]. Latency in ms. Errors: every response that is not 2xx/304,"
                        + " by status over all runs. CPU: service cores busy on average, of which JIT: its JIT compiler"
                        + " threads (a warm-up goes on while they are busy, up to a limit). Steal: the machine's CPU"
                        + " steal during the runs, in cores (time the hypervisor gave to other guests; a busy host shows"
                        + " here). RSS: the service's VmHWM.\n\n");
        md.append("| Scenario | JDK | Load | Throughput req/s [min–max] | p50 | p90 | p99 | max | Errors (statuses) | CPU"
                + " | JIT | Steal | Peak RSS MiB | pgbench tx/s | Ratio | Target |\n");
        md.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
        for (Row row : rows) {
            Optional<Double> ratio = ratio(row);
            String target = row.minRatio().map(min -> "≥ " + f(min, 2) + (ratio.isPresent() && ratio.get() >= min
                    ? " met" : " MISSED")).orElse("");
            if (row.maxP50Ms().isPresent()) {
                target = "p50 < " + f(row.maxP50Ms().get(), 0) + " ms: " + (row.p50Met().get() ? "met" : "MISSED");
            }
            if (row.scenario().startsWith("mix at half")) {
                boolean met = median(row.runs(), Run::p99) <= 20 && row.runs().stream().mapToLong(Run::errors).sum() == 0;
                target = "p99 ≤ 20 ms, 0 errors: " + (met ? "met" : "MISSED");
            }
            md.append("| ").append(row.scenario()).append(" | ").append(row.jdk()).append(" | ").append(row.load())
                    .append(" | ").append(spread(row.runs(), Run::throughput, 0))
                    .append(" | ").append(f(median(row.runs(), Run::p50), 2))
                    .append(" | ").append(f(median(row.runs(), Run::p90), 2))
                    .append(" | ").append(f(median(row.runs(), Run::p99), 2))
                    .append(" | ").append(f(median(row.runs(), Run::max), 1))
                    .append(" | ").append(statuses(row.runs()))
                    .append(" | ").append(f(median(row.runs(), Run::cpuCores), 2))
                    .append(" | ").append(f(median(row.runs(), Run::jitCores), 2))
                    .append(" | ").append(f(median(row.runs(), Run::stealCores), 2))
                    .append(" | ").append(f(max(row.runs(), Run::peakRssMib), 0))
                    .append(" | ").append(row.reference().flatMap(this::pg)
                            .map(p -> f(median(p.runs(), Run::throughput), 0)).orElse(""))
                    .append(" | ").append(ratio.map(r -> f(r, 2)).orElse(""))
                    .append(" | ").append(target).append(" |\n");
        }
        if (!seriesWeek.isEmpty()) {
            md.append("\n## The series calendar (issue 4's target: one week in under 10 ms at the median)\n\n");
            seriesWeek.forEach((k, v) -> md.append("- ").append(k).append(": ").append(v).append("\n"));
        }
        md.append("\n## pgbench (the physical limit, same server, same tables)\n\n");
        md.append("| Statement | Clients | tx/s [min–max] | p50 | p90 | p99 | max | Failed | Steal |\n"
                + "|---|---|---|---|---|---|---|---|---|\n");
        for (PgRow p : pgbench) {
            md.append("| ").append(p.statement()).append(" | ").append(p.clients()).append(" | ")
                    .append(spread(p.runs(), Run::throughput, 0)).append(" | ")
                    .append(f(median(p.runs(), Run::p50), 2)).append(" | ").append(f(median(p.runs(), Run::p90), 2))
                    .append(" | ").append(f(median(p.runs(), Run::p99), 2)).append(" | ")
                    .append(f(median(p.runs(), Run::max), 1)).append(" | ")
                    .append(p.runs().stream().mapToLong(Run::errors).sum()).append(" | ")
                    .append(f(median(p.runs(), Run::stealCores), 2)).append(" |\n");
        }
        md.append("\n## Scaling: one week of a busy calendar as the table grows (1 client)\n\n");
        md.append("| Events in table | HTTP p50 ms [min–max] | HTTP p99 | HTTP vs first | pgbench p50 ms | pgbench vs first"
                + " | Target |\n|---|---|---|---|---|---|---|\n");
        double firstHttp = scaling.isEmpty() ? Double.NaN : median(scaling.get(0).http(), Run::p50);
        double firstPg = scaling.isEmpty() ? Double.NaN : median(scaling.get(0).pgbench(), Run::p50);
        for (ScalingRow s : scaling) {
            double http = median(s.http(), Run::p50);
            double pg = median(s.pgbench(), Run::p50);
            md.append("| ").append(String.format(Locale.ROOT, "%,d", s.events())).append(" | ")
                    .append(spread(s.http(), Run::p50, 2)).append(" | ").append(f(median(s.http(), Run::p99), 2))
                    .append(" | ").append(f(http / firstHttp, 2)).append("× | ").append(f(pg, 3)).append(" | ")
                    .append(f(pg / firstPg, 2)).append("× | ").append(s == scaling.get(scaling.size() - 1)
                            ? "≤ 1.5×: " + (http / firstHttp <= 1.5 ? "met" : "MISSED") : "").append(" |\n");
        }
        md.append("\n## Start-up to ready (port open, migrations done), database already running\n\n");
        md.append("| JDK | JVM spawn → /health 200, ms [min–max] | As the service logs it (after JVM start), ms | Steal "
                + "| Target |\n|---|---|---|---|---|\n");
        for (StartupRow s : startup) {
            double m = median(s.spawnToReadyMs());
            md.append("| ").append(s.jdk()).append(" | ").append(f(m, 0)).append(" [")
                    .append(f(s.spawnToReadyMs().stream().mapToDouble(d -> d).min().orElse(Double.NaN), 0)).append("–")
                    .append(f(s.spawnToReadyMs().stream().mapToDouble(d -> d).max().orElse(Double.NaN), 0))
                    .append("] | ").append(f(median(s.selfReportedMs()), 0)).append(" | ").append(f(s.stealCores(), 2))
                    .append(" | < 2,000 ms: ")
                    .append(m < 2000 ? "met" : "MISSED").append(" |\n");
        }
        md.append("\n## JMH: the domain's hot paths (JDK of the harness)\n\n| Benchmark | Score | ± error (99.9%) | Unit |\n"
                + "|---|---|---|---|\n");
        for (JmhRow j : jmh) {
            md.append("| ").append(j.benchmark()).append(" | ").append(f(j.score(), 1)).append(" | ")
                    .append(f(j.error(), 1)).append(" | ").append(j.unit()).append(" |\n");
        }
        if (!notes.isEmpty()) {
            md.append("\n## Notes\n\n");
            notes.forEach(n -> md.append("- ").append(n).append("\n"));
        }
        return md.toString();
    }

    Map<String, Object> json(String stamp, String mode) {
        var out = new LinkedHashMap<String, Object>();
        out.put("timestamp", stamp);
        out.put("mode", mode);
        out.put("machine", machine);
        var http = new ArrayList<Map<String, Object>>();
        for (Row row : rows) {
            var m = figures(row.runs());
            m.put("scenario", row.scenario());
            m.put("jdk", row.jdk());
            m.put("load", row.load());
            ratio(row).ifPresent(r -> m.put("ratioToPgbench", r));
            row.maxP50Ms().ifPresent(max -> m.put("targetP50MsBelow", max));
            row.p50Met().ifPresent(met -> m.put("targetMet", met));
            http.add(m);
        }
        out.put("http", http);
        var series = new LinkedHashMap<String, Object>(seriesWeek);
        var measured = new ArrayList<Map<String, Object>>();
        for (Row row : rows) {
            if (row.maxP50Ms().isPresent()) {
                var m = figures(row.runs());
                m.put("jdk", row.jdk());
                m.put("targetP50MsBelow", row.maxP50Ms().get());
                m.put("targetMet", row.p50Met().get());
                measured.add(m);
            }
        }
        series.put("http", measured);
        out.put("seriesWeek", series);
        var pg = new ArrayList<Map<String, Object>>();
        for (PgRow p : pgbench) {
            var m = figures(p.runs());
            m.put("statement", p.statement());
            m.put("clients", p.clients());
            pg.add(m);
        }
        out.put("pgbench", pg);
        var sc = new ArrayList<Map<String, Object>>();
        for (ScalingRow s : scaling) {
            var m = new LinkedHashMap<String, Object>();
            m.put("events", s.events());
            m.put("httpP50Ms", median(s.http(), Run::p50));
            m.put("pgbenchP50Ms", median(s.pgbench(), Run::p50));
            sc.add(m);
        }
        out.put("scaling", sc);
        var st = new ArrayList<Map<String, Object>>();
        for (StartupRow s : startup) {
            st.add(Map.of("jdk", s.jdk(), "spawnToReadyMs", median(s.spawnToReadyMs()),
                    "selfReportedMs", median(s.selfReportedMs()), "stealCores", s.stealCores()));
        }
        out.put("startup", st);
        var jm = new ArrayList<Map<String, Object>>();
        jmh.forEach(j -> jm.add(Map.of("benchmark", j.benchmark(), "score", j.score(), "error", j.error(),
                "unit", j.unit())));
        out.put("jmh", jm);
        out.put("notes", notes);
        return out;
    }

    private static Map<String, Object> figures(List<Run> runs) {
        var m = new LinkedHashMap<String, Object>();
        m.put("runs", runs.size());
        m.put("throughput", median(runs, Run::throughput));
        m.put("throughputMin", min(runs, Run::throughput));
        m.put("throughputMax", max(runs, Run::throughput));
        m.put("p50Ms", median(runs, Run::p50));
        m.put("p90Ms", median(runs, Run::p90));
        m.put("p99Ms", median(runs, Run::p99));
        m.put("maxMs", median(runs, Run::max));
        m.put("errors", runs.stream().mapToLong(Run::errors).sum());
        m.put("cpuCores", median(runs, Run::cpuCores));
        m.put("jitCores", median(runs, Run::jitCores));
        m.put("stealCores", median(runs, Run::stealCores));
        m.put("peakRssMib", max(runs, Run::peakRssMib));
        return m;
    }

    /** JSON has no NaN: a figure that could not be read (a process gone, a counter missing) is written as null. */
    private static JsonNode withoutNaN(JsonNode node) {
        if (node.isDouble() && Double.isNaN(node.doubleValue())) {
            return NullNode.getInstance();
        }
        if (node instanceof ObjectNode object) {
            var names = new ArrayList<String>();
            object.fieldNames().forEachRemaining(names::add);
            names.forEach(name -> object.set(name, withoutNaN(object.get(name))));
        } else if (node instanceof ArrayNode array) {
            for (int i = 0; i < array.size(); i++) {
                array.set(i, withoutNaN(array.get(i)));
            }
        }
        return node;
    }

    void write(Path dir, String stamp, String mode) {
        try {
            Files.createDirectories(dir);
            Path md = dir.resolve(stamp + "-" + mode + ".md");
            Files.writeString(md, markdown("Almanac benchmark, " + mode + " mode, " + stamp));
            var mapper = new ObjectMapper().disable(SerializationFeature.INDENT_OUTPUT);
            String line = mapper.writeValueAsString(withoutNaN(mapper.valueToTree(json(stamp, mode)))) + "\n";
            Files.writeString(dir.resolve(stamp + "-" + mode + ".json"), line);
            System.out.println("==> Wrote " + md + " and " + dir.resolve(stamp + "-" + mode + ".json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
