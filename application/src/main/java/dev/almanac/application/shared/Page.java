package dev.almanac.application.shared;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;

/**
 * One page of a list, and the opaque cursor of the next page when there is one.
 *
 * @param nextCursor empty on the last page
 */
public record Page<T>(List<T> items, Optional<String> nextCursor) {
    public Page {
        items = List.copyOf(requireNonNull(items, "items"));
        requireNonNull(nextCursor, "nextCursor");
    }
}
