package dev.almanac.bench;

import java.util.Map;
import java.util.TreeMap;
import org.HdrHistogram.Histogram;

/**
 * One measured run: throughput, latency percentiles in milliseconds, responses by status (or "io" for a
 * transport failure), the service's CPU use (cores busy on average), the part of it its JIT compiler threads
 * took, and its peak RSS at the end of the run (NaN when no service was involved, as for pgbench), and the
 * machine's CPU steal during the run (cores, on average).
 */
record Run(double throughput, double p50, double p90, double p99, double max, long count,
           Map<String, Long> statuses, double cpuCores, double jitCores, double peakRssMib, double stealCores) {

    static Run of(Histogram micros, double seconds, Map<String, Long> statuses, Service.Cpu cpu, double peakRssMib) {
        return new Run(micros.getTotalCount() / seconds, ms(micros.getValueAtPercentile(50)),
                ms(micros.getValueAtPercentile(90)), ms(micros.getValueAtPercentile(99)), ms(micros.getMaxValue()),
                micros.getTotalCount(), new TreeMap<>(statuses), cpu.cores(), cpu.jitCores(), peakRssMib,
                cpu.stealCores());
    }

    private static double ms(long micros) {
        return micros / 1000.0;
    }

    /** Responses that are not 2xx or 304, transport failures, and failed pgbench transactions. */
    long errors() {
        return statuses.entrySet().stream()
                .filter(e -> !(e.getKey().startsWith("2") || e.getKey().equals("304") || e.getKey().equals("ok")))
                .mapToLong(Map.Entry::getValue).sum();
    }
}
