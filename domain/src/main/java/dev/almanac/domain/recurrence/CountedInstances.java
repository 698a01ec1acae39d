package dev.almanac.domain.recurrence;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Optional;

/**
 * The instances of rules with COUNT, each rule walked whole once and remembered. A rule with COUNT must be walked
 * from DTSTART to know which instances are left (RFC 5545: COUNT counts from the first), so a window two years
 * into a counted series would otherwise walk two years of periods on every read. A counted rule's instances are
 * wall times that depend only on the rule and DTSTART (COUNT and UNTIL never come together, and no zone rule
 * takes part), so remembering them changes no answer.
 *
 * <p>Bounded: at most {@value #MAX_REMEMBERED} instances in all (eight bytes each), least recently used first
 * out; shared by every series in the JVM.
 */
final class CountedInstances {
    static final int MAX_REMEMBERED = 500_000;

    private record Key(RecurrenceRule rule, LocalDateTime start) {
    }

    /** Each rule's instances as seconds of the local time line (UTC as a ruler), ascending; nanos are DTSTART's. */
    private static final LinkedHashMap<Key, long[]> REMEMBERED = new LinkedHashMap<>(64, 0.75f, true);
    private static long remembered;
    /** Remembered for a rule whose whole walk fails (the scan limit), so it is not walked whole again. */
    private static final long[] NOT_WALKABLE = new long[0];

    private CountedInstances() {
    }

    /**
     * The instances of {@code rule} (which has COUNT) from DTSTART {@code start}, from the first not before
     * {@code notBefore}; a rule whose whole walk fails is walked lazily instead, so its failure shows where
     * it did before.
     */
    static Iterator<LocalDateTime> from(RecurrenceRule rule, LocalDateTime start, Optional<ZoneId> zone,
                                        LocalDateTime notBefore) {
        long[] all = instances(rule, start, zone);
        if (all == NOT_WALKABLE) {
            return new Expansion(rule, start, zone, notBefore);
        }
        int nano = start.getNano();
        long bound = notBefore.isBefore(start) ? Long.MIN_VALUE : notBefore.toEpochSecond(ZoneOffset.UTC);
        int found = Arrays.binarySearch(all, bound);
        // An instance in notBefore's second but earlier in it stays in (a hint may let more through, never fewer).
        int from = found >= 0 ? found : -found - 1;
        return new Iterator<>() {
            private int next = from;

            @Override
            public boolean hasNext() {
                return next < all.length;
            }

            @Override
            public LocalDateTime next() {
                if (next >= all.length) {
                    throw new NoSuchElementException();
                }
                return LocalDateTime.ofEpochSecond(all[next++], nano, ZoneOffset.UTC);
            }
        };
    }

    private static long[] instances(RecurrenceRule rule, LocalDateTime start, Optional<ZoneId> zone) {
        var key = new Key(rule, start);
        synchronized (REMEMBERED) {
            long[] known = REMEMBERED.get(key);
            if (known != null) {
                return known;
            }
        }
        long[] walked;
        try {
            walked = walk(rule, start, zone);
        } catch (RuleViolationException e) {
            walked = NOT_WALKABLE;
        }
        synchronized (REMEMBERED) {
            if (REMEMBERED.putIfAbsent(key, walked) == null) {
                remembered += Math.max(1, walked.length);
                for (Iterator<Map.Entry<Key, long[]>> it = REMEMBERED.entrySet().iterator();
                     remembered > MAX_REMEMBERED && it.hasNext(); ) {
                    remembered -= Math.max(1, it.next().getValue().length);
                    it.remove();
                }
            }
        }
        return walked;
    }

    private static long[] walk(RecurrenceRule rule, LocalDateTime start, Optional<ZoneId> zone) {
        long[] out = new long[Math.min(rule.count().orElseThrow(), 64)];
        int size = 0;
        for (Iterator<LocalDateTime> it = new Expansion(rule, start, zone, LocalDateTime.MIN); it.hasNext(); ) {
            if (size == out.length) {
                out = Arrays.copyOf(out, Math.min(out.length * 2, rule.count().getAsInt() + 1));
            }
            out[size++] = it.next().toEpochSecond(ZoneOffset.UTC);
        }
        return Arrays.copyOf(out, size);
    }
}
