package dev.almanac.application.event;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import java.util.List;
import java.util.Optional;

/**
 * Imports events read from an iCalendar file: lenient reading is the adapter's business, strict storing is this
 * use case's. Each draft is created, updated (its id exists in the calendar) or left unchanged, or skipped with
 * the reason the domain gave; re-importing the same drafts changes nothing. A draft's overrides replace the
 * stored ones. Each draft is stored in its own transaction, whole or not at all; a created event keeps its UID,
 * which the export gives back.
 */
public interface ImportCalendarUseCase {

    int MAX_COMPONENTS = 5_000;

    /** The longest UID kept (characters); a longer one is skipped. */
    int UID_MAX = 1_000;

    Report importAll(AccountId actor, CalendarId calendarId, List<Draft> drafts);

    /**
     * @param id    the id a new event gets: derived from the calendar and the UID, so a re-import finds it again
     * @param ownId for an Almanac UID ({@code <id>@almanac}), that id: matched first, when it is in this calendar
     */
    record Draft(String uid, EventId id, Optional<EventId> ownId, String title, String description, String location, TimeInput start,
                 TimeInput end, Optional<EventStatus> status, List<String> recurrence, List<OverrideDraft> overrides,
                 List<String> notes) {
        public Draft {
            requireNonNull(uid, "uid");
            requireNonNull(id, "id");
            requireNonNull(ownId, "ownId");
            requireNonNull(status, "status");
            recurrence = List.copyOf(recurrence);
            overrides = List.copyOf(overrides);
            notes = List.copyOf(notes);
        }
    }

    record OverrideDraft(TimeInput originalStart, String title, String description, String location,
                         TimeInput start, TimeInput end, EventStatus status) {
    }

    /** What happened to one component. {@code result}: created, updated, unchanged or skipped. */
    record Outcome(String uid, String result, Optional<EventId> eventId, Optional<String> reason,
                   List<String> notes) {
    }

    record Report(List<Outcome> outcomes) {
        public Report {
            outcomes = List.copyOf(outcomes);
        }
    }
}
