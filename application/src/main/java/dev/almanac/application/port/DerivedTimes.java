package dev.almanac.application.port;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.shared.ZoneRulesStamp;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The instants stored beside wall times (events' start, end and series end), and the record of which zone rules
 * they were derived with. Re-deriving after a tz-data change is one {@link #reconcile} call, which holds a lock
 * that every replica's reconciliation takes, so replicas starting at once take turns and the second finds the
 * first's work recorded.
 */
public interface DerivedTimes {

    /**
     * Under the shared lock: reads the recorded stamps, asks {@code plan} what to do with them, re-derives from
     * wall time and zone the instants of every stored row that uses one of the plan's zones (a timed end's zone,
     * or an all-day event's calendar zone), in transactions of at most {@code batchSize} rows, then records the
     * plan's stamps. Only rows whose instants change are written; their version stays (the representation, wall
     * time, is unchanged). A row edited meanwhile is left to its writer. Repeating a reconciliation that was cut
     * short moves nothing twice.
     *
     * @return how many rows got new instants
     */
    long reconcile(Function<Map<String, ZoneRulesStamp>, Plan> plan, int batchSize);

    /**
     * @param rederive the zones whose rows are re-derived
     * @param record   the stamps recorded afterwards, by zone (replacing what was recorded)
     */
    record Plan(Set<String> rederive, Map<String, ZoneRulesStamp> record) {
        public Plan {
            rederive = Set.copyOf(requireNonNull(rederive, "rederive"));
            record = Map.copyOf(requireNonNull(record, "record"));
        }
    }
}
