package dev.almanac.application.shared;

import static java.util.Objects.requireNonNull;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

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

    /**
     * The page of a keyset query that asked for one item more than {@code limit}: when that extra item came, there
     * is a next page, and its cursor is the position of the page's last item in the list {@code scope}.
     */
    public static <T> Page<T> ofOneMore(List<T> found, PageLimit limit, Function<T, Cursor> positionOf,
                                        String scope) {
        if (found.size() <= limit.value()) {
            return new Page<>(found, Optional.empty());
        }
        List<T> page = found.subList(0, limit.value());
        return new Page<>(page, Optional.of(positionOf.apply(page.get(page.size() - 1)).encode(scope)));
    }
}
