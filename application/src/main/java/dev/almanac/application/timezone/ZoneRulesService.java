package dev.almanac.application.timezone;

import dev.almanac.application.port.DerivedTimes;
import dev.almanac.domain.shared.ZoneRulesStamp;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

/** Compares every zone's running rules with the recorded ones and has the changed zones' rows re-derived. */
final class ZoneRulesService implements RederiveTimesUseCase {
    private final DerivedTimes times;
    private final Supplier<Map<String, ZoneRulesStamp>> runningRules;

    ZoneRulesService(DerivedTimes times, Supplier<Map<String, ZoneRulesStamp>> runningRules) {
        this.times = times;
        this.runningRules = runningRules;
    }

    @Override
    public Result rederive() {
        Map<String, ZoneRulesStamp> running = runningRules.get();
        Set<String> changed = new TreeSet<>();
        Set<String> newer = new TreeSet<>();
        long moved = times.reconcile(recorded -> {
            changed.clear();
            newer.clear();
            Map<String, ZoneRulesStamp> record = new HashMap<>();
            running.forEach((zone, stamp) -> {
                Optional<ZoneRulesStamp> before = Optional.ofNullable(recorded.get(zone));
                switch (stamp.judge(before)) {
                    case RECOMPUTE -> {
                        changed.add(zone);
                        record.put(zone, stamp);
                    }
                    case SAME_RULES -> {
                        if (!before.get().equals(stamp)) {
                            record.put(zone, stamp);
                        }
                    }
                    case RECORDED_IS_NEWER -> newer.add(zone);
                }
            });
            return new DerivedTimes.Plan(changed, record);
        }, BATCH_SIZE);
        return new Result(changed, newer, moved);
    }
}
