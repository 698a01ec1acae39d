package dev.almanac.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.almanac.application.shared.Page;
import java.util.List;
import java.util.function.Function;

/** One page of a list: {@code {items, nextCursor}}, with no {@code nextCursor} on the last page. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record PageResponse<T>(List<T> items, String nextCursor) {
    static <D, T> PageResponse<T> from(Page<D> page, Function<D, T> toBody) {
        return new PageResponse<>(page.items().stream().map(toBody).toList(), page.nextCursor().orElse(null));
    }
}
