package dev.almanac.domain.event;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * The outcome of one edit of a series, stored in one transaction: the series as it is now, the new series a
 * "this and following" edit began (if any), and what happened to each override the edit touched: carried to the
 * occurrence that now stands where it stood, or detached as a standalone event. Nothing is ever dropped silently.
 */
public record SeriesEdit(Series series, Optional<Series> split, List<Carried> carried, List<Detached> detached) {
    public SeriesEdit {
        requireNonNull(series, "series");
        requireNonNull(split, "split");
        carried = List.copyOf(carried);
        detached = List.copyOf(detached);
    }

    /** An edit of one series that moved no override. */
    public static SeriesEdit of(Series series) {
        return new SeriesEdit(series, Optional.empty(), List.of(), List.of());
    }

    /** An override that moved from the occurrence at {@code from} to the one at {@code to}. */
    public record Carried(TimePoint from, TimePoint to) {
        public Carried {
            requireNonNull(from, "from");
            requireNonNull(to, "to");
        }
    }

    /** An override whose occurrence is gone, kept as the standalone {@code event}. */
    public record Detached(TimePoint originalStart, Event event) {
        public Detached {
            requireNonNull(originalStart, "originalStart");
            requireNonNull(event, "event");
        }
    }
}
