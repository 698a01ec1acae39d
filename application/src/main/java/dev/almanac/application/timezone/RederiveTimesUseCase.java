package dev.almanac.application.timezone;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.DerivedTimes;
import dev.almanac.domain.shared.ZoneRulesStamp;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Brings the stored instants in line with the running zone rules before the service answers a request: when a
 * tz-data update changed the rules of a zone (ADR 0024), every instant derived from a wall time in that zone is
 * derived again. Run at start-up, by every replica; cheap when nothing changed.
 */
public interface RederiveTimesUseCase {

    /** Rows per transaction. */
    int BATCH_SIZE = 500;

    Result rederive();

    /**
     * @param changedZones zones whose instants were re-derived (never recorded, or their rules changed)
     * @param newerZones   zones recorded under a newer tz-data version than this JVM's, left alone
     * @param rowsMoved    rows whose instants changed
     */
    record Result(Set<String> changedZones, Set<String> newerZones, long rowsMoved) {
        public Result {
            changedZones = Set.copyOf(changedZones);
            newerZones = Set.copyOf(newerZones);
        }
    }

    static RederiveTimesUseCase wire(DerivedTimes times) {
        return wire(times, ZoneRulesStamp::currentForAll);
    }

    /**
     * @param runningRules the stamps of the rules this JVM runs, by zone (as {@link ZoneRulesStamp#currentForAll});
     *                     a caller may compute them ahead, while the database starts, since they need none
     */
    static RederiveTimesUseCase wire(DerivedTimes times, Supplier<Map<String, ZoneRulesStamp>> runningRules) {
        return new ZoneRulesService(requireNonNull(times, "times"), requireNonNull(runningRules, "runningRules"));
    }
}
