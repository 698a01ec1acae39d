package dev.almanac.adapter.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.almanac.application.event.ChangeEventStatusUseCase;
import dev.almanac.application.event.CreateEventUseCase;
import dev.almanac.application.event.EditScope;
import dev.almanac.application.event.OccurrenceUseCase;
import dev.almanac.application.event.TimeInput;
import dev.almanac.application.event.UpdateEventUseCase;
import dev.almanac.application.event.WindowItem;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.Occurrence;
import dev.almanac.domain.event.OccurrenceId;
import dev.almanac.domain.event.SeriesEdit;
import dev.almanac.domain.event.TimePoint;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Pattern;

/** The request and response bodies of {@code /v1/calendars/{calendarId}/events}. */
final class EventBodies {
    static final String[] TIME_FIELDS = {"dateTime", "timeZone", "date"};
    /** {@code 2026-03-08T09:00}, {@code ...T09:00:00} or {@code ...T09:00:00.123456} (a finer fraction parses, and
     * the domain then refuses it as too precise rather than rounding it). */
    private static final DateTimeFormatter WALL_IN = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm")
            .optionalStart().appendLiteral(':').appendValue(ChronoField.SECOND_OF_MINUTE, 2)
            .optionalStart().appendFraction(ChronoField.NANO_OF_SECOND, 1, 9, true).optionalEnd()
            .optionalEnd()
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    /** Always with seconds; with a fraction only when there is one. */
    private static final DateTimeFormatter WALL_OUT = new DateTimeFormatterBuilder()
            .appendPattern("uuuu-MM-dd'T'HH:mm:ss")
            .appendFraction(ChronoField.NANO_OF_SECOND, 0, 6, true)
            .toFormatter().withResolverStyle(ResolverStyle.STRICT);
    private static final Pattern HAS_OFFSET = Pattern.compile(".*T.*([Zz]|[+-][0-9]{2}(:?[0-9]{2})?)$");
    private static final String STATUSES = String.join(", ",
            Arrays.stream(EventStatus.values()).map(Enum::name).toList());

    private EventBodies() {
    }

    /** {@code POST /v1/calendars/{calendarId}/events}. */
    record NewEvent(String title, Optional<String> description, Optional<String> location, TimeInput start,
                    TimeInput end, Optional<EventStatus> status, List<String> recurrence) {
        static NewEvent read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "title", "description", "location", "start", "end", "status",
                    "recurrence");
            var event = new NewEvent(fields.text("title"), fields.optionalText("description"),
                    fields.optionalText("location"), readTime(fields, "start"), readTime(fields, "end"),
                    readStatus(fields), readRecurrence(body, fields).orElse(List.of()));
            fields.throwIfInvalid();
            return event;
        }

        CreateEventUseCase.Command toCommand(AccountId actor, CalendarId calendarId) {
            return new CreateEventUseCase.Command(actor, calendarId, title, description, location, start, end,
                    status, recurrence);
        }
    }

    /**
     * {@code PATCH .../events/{eventId}}, a JSON merge patch: present fields replace; {@code description: null}
     * and {@code location: null} clear; {@code null} for title, start, end or status is a 422. Inside
     * {@code start}/{@code end}, members of the same kind merge ({@code {"timeZone": "Europe/Paris"}} keeps the
     * wall time), while naming the other kind ({@code date} on a timed event) replaces the whole end.
     */
    record EventPatch(Optional<String> title, Optional<String> description, Optional<String> location,
                      Optional<TimeInput> start, Optional<TimeInput> end, Optional<EventStatus> status,
                      Optional<List<String>> recurrence) {
        static EventPatch read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "title", "description", "location", "start", "end", "status",
                    "recurrence");
            var patch = new EventPatch(fields.optionalText("title"), clearable(fields, "description"),
                    clearable(fields, "location"),
                    fields.present("start") ? Optional.ofNullable(readTime(fields, "start")) : Optional.empty(),
                    fields.present("end") ? Optional.ofNullable(readTime(fields, "end")) : Optional.empty(),
                    fields.present("status") ? readStatus(fields) : Optional.empty(),
                    fields.has("recurrence") && !fields.present("recurrence") ? Optional.of(List.<String>of())
                            : readRecurrence(body, fields));
            fields.throwIfInvalid();
            MergePatch.refuseNulls(body, "title", "start", "end", "status");
            return patch;
        }

        /** Whether the patch is a status move and nothing else. */
        boolean onlyStatus() {
            return status.isPresent() && title.isEmpty() && description.isEmpty() && location.isEmpty()
                    && start.isEmpty() && end.isEmpty() && recurrence.isEmpty();
        }

        OccurrenceUseCase.Change toOccurrenceChange(AccountId actor, CalendarId calendarId, OccurrenceId.Parsed id,
                                                    EditScope scope, OptionalLong expectedVersion) {
            return new OccurrenceUseCase.Change(actor, calendarId, id, scope, expectedVersion, title, description,
                    location, start, end, status, recurrence);
        }

        UpdateEventUseCase.Command toUpdate(AccountId actor, CalendarId calendarId, EventId eventId,
                                            OptionalLong expectedVersion) {
            return new UpdateEventUseCase.Command(actor, calendarId, eventId, expectedVersion, title, description,
                    location, start, end, status, recurrence);
        }

        ChangeEventStatusUseCase.Command toStatusChange(AccountId actor, CalendarId calendarId, EventId eventId,
                                                        OptionalLong expectedVersion) {
            return new ChangeEventStatusUseCase.Command(actor, calendarId, eventId, expectedVersion,
                    status.orElseThrow());
        }

        private static Optional<String> clearable(JsonFields fields, String name) {
            return fields.has(name) && !fields.present(name) ? Optional.of("") : fields.optionalText(name);
        }

        /**
         * Resolves the members inside {@code start}/{@code end} against the event's current times, so that the
         * patch that reaches {@link #read} carries whole times.
         */
        static ObjectNode mergeTimes(ObjectNode patch, Event current, ObjectMapper json) {
            ObjectNode merged = patch.deepCopy();
            mergeTime(merged, "start", current.time().start(), json);
            mergeTime(merged, "end", current.time().end(), json);
            return merged;
        }

        static boolean patchesInsideTimes(ObjectNode patch) {
            return isObject(patch.get("start")) || isObject(patch.get("end"));
        }

        private static void mergeTime(ObjectNode patch, String name, TimePoint current, ObjectMapper json) {
            JsonNode part = patch.get(name);
            if (!isObject(part)) {
                return;
            }
            boolean currentIsDay = current instanceof TimePoint.Day;
            boolean namesDay = part.hasNonNull("date");
            boolean namesWall = part.hasNonNull("dateTime") || part.hasNonNull("timeZone");
            boolean switchesKind = currentIsDay ? namesWall : namesDay;
            if (switchesKind) {
                return;
            }
            patch.set(name, MergePatch.apply(json.valueToTree(TimeBody.from(current)), part));
        }

        private static boolean isObject(JsonNode node) {
            return node != null && node.isObject();
        }
    }

    /** One end of an event: {@code {dateTime, timeZone}} (wall time, no offset) or {@code {date}}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record TimeBody(String dateTime, String timeZone, String date) {
        static TimeBody from(TimePoint point) {
            if (point instanceof TimePoint.Wall wall) {
                return new TimeBody(WALL_OUT.format(wall.dateTime()), wall.zone().getId(), null);
            }
            return new TimeBody(null, null, ((TimePoint.Day) point).date().toString());
        }
    }

    /**
     * An event as clients see it: a single event, a series master (with {@code recurrence}) or one occurrence of a
     * series (with its own {@code id}, {@code seriesId} and {@code originalStart}).
     */
    record EventResponse(String id, String calendarId, String title, String description, String location,
                         TimeBody start, TimeBody end, boolean allDay, String status, String createdAt,
                         String updatedAt,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<String> recurrence,
                         @JsonInclude(JsonInclude.Include.NON_NULL) String seriesId,
                         @JsonInclude(JsonInclude.Include.NON_NULL) TimeBody originalStart,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<CarriedBody> carried,
                         @JsonInclude(JsonInclude.Include.NON_NULL) List<DetachedBody> detached) {
        static EventResponse from(Event event) {
            return new EventResponse(event.id().toString(), event.calendarId().toString(), event.title(),
                    event.description(), event.location(), TimeBody.from(event.time().start()),
                    TimeBody.from(event.time().end()), event.time().isAllDay(), event.status().name(),
                    event.createdAt().toString(), event.updatedAt().toString(),
                    event.isSeries() ? event.recurrence().lines() : null, null, null, null, null);
        }

        static EventResponse from(Occurrence occurrence) {
            Event series = occurrence.series();
            return new EventResponse(occurrence.id().toString(), series.calendarId().toString(), occurrence.title(),
                    occurrence.description(), occurrence.location(), TimeBody.from(occurrence.time().start()),
                    TimeBody.from(occurrence.time().end()), occurrence.time().isAllDay(), occurrence.status().name(),
                    series.createdAt().toString(), series.updatedAt().toString(), null, series.id().toString(),
                    TimeBody.from(occurrence.originalStart()), null, null);
        }

        /** The same answer, saying what the edit did with the series' overrides (both lists, maybe empty). */
        EventResponse reporting(SeriesEdit edit) {
            return new EventResponse(id, calendarId, title, description, location, start, end, allDay, status,
                    createdAt, updatedAt, recurrence, seriesId, originalStart,
                    edit.carried().stream().map(c -> new CarriedBody(TimeBody.from(c.from()), TimeBody.from(c.to())))
                            .toList(),
                    edit.detached().stream().map(d -> new DetachedBody(TimeBody.from(d.originalStart()),
                            EventResponse.from(d.event()))).toList());
        }

        static EventResponse from(WindowItem item) {
            if (item instanceof WindowItem.Instance instance) {
                return from(instance.occurrence());
            }
            if (item instanceof WindowItem.Master master) {
                return from(master.series());
            }
            return from(((WindowItem.Single) item).event());
        }
    }

    /** An override moved from the occurrence at {@code from} to the one at {@code to}. */
    record CarriedBody(TimeBody from, TimeBody to) {
    }

    /** An override whose occurrence is gone, now the standalone {@code event}. */
    record DetachedBody(TimeBody originalStart, EventResponse event) {
    }

    /** {@code recurrence}: an array of RFC 5545 content lines (strings), when present. */
    private static Optional<List<String>> readRecurrence(ObjectNode body, JsonFields fields) {
        JsonNode node = body.get("recurrence");
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!node.isArray()) {
            fields.error("recurrence", "request.invalid_type", "recurrence must be an array of strings");
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            if (!node.get(i).isTextual()) {
                fields.error("recurrence[" + i + "]", "request.invalid_type",
                        "recurrence[" + i + "] must be a string such as RRULE:FREQ=WEEKLY");
                return Optional.empty();
            }
            lines.add(node.get(i).textValue());
        }
        return Optional.of(lines);
    }

    /** Reads {@code start} or {@code end}: exactly one of {dateTime + timeZone} or {date}. */
    private static TimeInput readTime(JsonFields parent, String name) {
        JsonFields time = parent.object(name, TIME_FIELDS);
        if (time == null) {
            return null;
        }
        boolean hasDate = time.present("date");
        boolean hasWall = time.present("dateTime") || time.present("timeZone");
        if (hasDate && hasWall) {
            time.error("date", "request.conflicting_fields", name + " must have either {dateTime, timeZone} "
                    + "(a timed event) or {date} (an all-day event), not both");
            return null;
        }
        if (hasDate) {
            String raw = time.text("date");
            if (raw == null) {
                return null;
            }
            try {
                return new TimeInput.Day(LocalDate.parse(raw, DateTimeFormatter.ISO_LOCAL_DATE));
            } catch (DateTimeParseException e) {
                time.error("date", "request.invalid_value", name + ".date must be a date such as 2026-03-08");
                return null;
            }
        }
        if (!hasWall) {
            parent.error(name, "request.missing_field", name + " needs {dateTime, timeZone} or {date}");
            return null;
        }
        String dateTime = time.text("dateTime");
        String timeZone = time.text("timeZone");
        if (dateTime == null || timeZone == null) {
            return null;
        }
        try {
            return new TimeInput.Wall(LocalDateTime.parse(dateTime, WALL_IN), timeZone);
        } catch (DateTimeParseException e) {
            // Only a text that is not a wall time can carry an offset: the pattern (which backtracks, a few percent
            // of a create's CPU) runs on this path alone, to say what was wrong.
            if (HAS_OFFSET.matcher(dateTime).matches()) {
                time.error("dateTime", "request.invalid_value", name + ".dateTime is a local wall time without an "
                        + "offset or 'Z', e.g. 2026-03-08T09:00:00; the zone goes in " + name + ".timeZone");
            } else {
                time.error("dateTime", "request.invalid_value", name + ".dateTime must be a local date-time such as "
                        + "2026-03-08T09:00:00 (seconds and up to six fractional digits optional)");
            }
            return null;
        }
    }

    private static Optional<EventStatus> readStatus(JsonFields fields) {
        Optional<String> raw = fields.optionalText("status");
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        for (EventStatus status : EventStatus.values()) {
            if (status.name().equals(raw.get())) {
                return Optional.of(status);
            }
        }
        fields.error("status", "request.invalid_value", "status must be one of " + STATUSES);
        return Optional.empty();
    }
}
