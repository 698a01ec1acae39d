package dev.almanac.application.event;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * The first {@code size} window items in {@link WindowItem#ORDER}, kept while items arrive in any order: a page
 * of a window is built by offering every candidate and never sorting more than a page. Once full, {@link
 * #latestStart()} tells the series how far they still need to expand: an item starting later cannot get in.
 */
final class FirstItems {
    private final int size;
    /** The kept items, worst first, so the one to drop is at the head. */
    private final PriorityQueue<WindowItem> kept;

    FirstItems(int size) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be positive");
        }
        this.size = size;
        this.kept = new PriorityQueue<>(size + 1, WindowItem.ORDER.reversed());
    }

    void offer(WindowItem item) {
        if (kept.size() < size) {
            kept.add(item);
        } else if (WindowItem.ORDER.compare(item, kept.peek()) < 0) {
            kept.poll();
            kept.add(item);
        }
    }

    /** The start after which no item can get in any more; {@link Instant#MAX} until the page is full. */
    Instant latestStart() {
        return kept.size() < size ? Instant.MAX : kept.peek().start();
    }

    /** The kept items in {@link WindowItem#ORDER}. */
    List<WindowItem> inOrder() {
        List<WindowItem> out = new ArrayList<>(kept);
        out.sort(WindowItem.ORDER);
        return out;
    }
}
