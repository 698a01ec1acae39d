package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.Occurrence;
import java.time.Instant;
import java.util.Comparator;
import java.util.UUID;

/** One item of a window: a single event, an occurrence of a series, or (unexpanded) a series master. */
public sealed interface WindowItem {
    /** Postgres orders uuids as unsigned bytes; every list that pages by id uses the same order. */
    Comparator<UUID> UUID_ORDER = Comparator
            .comparing((UUID u) -> u.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);
    Comparator<WindowItem> ORDER = Comparator.comparing(WindowItem::start)
            .thenComparing(WindowItem::id, UUID_ORDER)
            .thenComparing(WindowItem::key);

    Instant start();

    UUID id();

    /** Orders items of the same start and id: empty for events, the original start for occurrences. */
    String key();

    default WindowCursor cursor() {
        return new WindowCursor(start(), id(), key());
    }

    /** An item that is a whole stored event: a single event, or a series master when not expanded. */
    sealed interface Stored extends WindowItem permits Single, Master {
        Event event();

        @Override
        default UUID id() {
            return event().id().value();
        }

        @Override
        default String key() {
            return "";
        }
    }

    /**
     * A single event. Its start is derived once, here: a window orders its items by start many times over, and
     * deriving it means resolving a wall time in its zone.
     */
    record Single(Event event, Instant start) implements Stored {
        public Single {
            requireNonNull(event, "event");
            if (!event.slot().start().equals(start)) {
                throw new IllegalArgumentException("start must be the event's start");
            }
        }

        public Single(Event event) {
            this(event, requireNonNull(event, "event").slot().start());
        }
    }

    /** A series master, in a window asked for without expansion; its start derived once, as for {@link Single}. */
    record Master(Event series, Instant start) implements Stored {
        public Master {
            requireNonNull(series, "series");
            if (!series.slot().start().equals(start)) {
                throw new IllegalArgumentException("start must be the series' start");
            }
        }

        public Master(Event series) {
            this(series, requireNonNull(series, "series").slot().start());
        }

        @Override
        public Event event() {
            return series;
        }
    }

    record Instance(Occurrence occurrence) implements WindowItem {
        public Instance {
            requireNonNull(occurrence, "occurrence");
        }

        @Override
        public Instant start() {
            return occurrence.slot().start();
        }

        @Override
        public UUID id() {
            return occurrence.series().id().value();
        }

        @Override
        public String key() {
            String text = occurrence.id().toString();
            return text.substring(text.indexOf('_') + 1);
        }
    }
}
