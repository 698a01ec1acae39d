package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.Occurrence;
import dev.almanac.domain.event.OccurrenceId;
import dev.almanac.domain.event.SeriesEdit;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Reads and edits one occurrence of a series by its id (series id + original start), with a scope: {@code THIS}
 * overrides (or, for a delete, excludes) the one occurrence; {@code FOLLOWING} cuts the series there and begins a
 * new one, in one transaction; {@code ALL} changes the whole series. Every edit reports the overrides it carried
 * or detached. The expected version is the series master's (an occurrence's ETag is its series' version).
 */
public interface OccurrenceUseCase {

    /** @throws dev.almanac.domain.shared.NotFoundException {@code event.occurrence.not_found} and the like */
    Occurrence get(AccountId actor, CalendarId calendarId, OccurrenceId.Parsed id);

    /**
     * @return what was stored, and {@code shown}: the occurrence (scope this), the new series' master (following)
     * or the series' master (all), to answer with
     */
    Result change(Change command);

    /** @return what was stored; empty when the whole series was deleted */
    Optional<SeriesEdit> remove(Removal command);

    record Change(AccountId actor, CalendarId calendarId, OccurrenceId.Parsed id, EditScope scope,
                  OptionalLong expectedVersion, Optional<String> title, Optional<String> description,
                  Optional<String> location, Optional<TimeInput> start, Optional<TimeInput> end,
                  Optional<EventStatus> status, Optional<List<String>> recurrence) {
        public Change {
            requireNonNull(actor, "actor");
            requireNonNull(calendarId, "calendarId");
            requireNonNull(id, "id");
            requireNonNull(scope, "scope");
            requireNonNull(expectedVersion, "expectedVersion");
            requireNonNull(title, "title");
            requireNonNull(description, "description");
            requireNonNull(location, "location");
            requireNonNull(start, "start");
            requireNonNull(end, "end");
            requireNonNull(status, "status");
            requireNonNull(recurrence, "recurrence");
        }
    }

    record Removal(AccountId actor, CalendarId calendarId, OccurrenceId.Parsed id, EditScope scope,
                   OptionalLong expectedVersion) {
        public Removal {
            requireNonNull(actor, "actor");
            requireNonNull(calendarId, "calendarId");
            requireNonNull(id, "id");
            requireNonNull(scope, "scope");
            requireNonNull(expectedVersion, "expectedVersion");
        }
    }

    /** The stored edit, and what to answer with: an occurrence (scope this) or a series master. */
    record Result(SeriesEdit edit, Optional<Occurrence> occurrence) {
        public Result {
            requireNonNull(edit, "edit");
            requireNonNull(occurrence, "occurrence");
        }

        /** The master the answer shows for scopes following (the new series) and all. */
        public dev.almanac.domain.event.Event master() {
            return edit.split().orElse(edit.series()).master();
        }
    }
}
