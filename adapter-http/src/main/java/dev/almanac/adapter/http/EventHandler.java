package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.almanac.adapter.http.EventBodies.EventPatch;
import dev.almanac.adapter.http.EventBodies.EventResponse;
import dev.almanac.adapter.http.EventBodies.NewEvent;
import dev.almanac.application.event.DeleteEventUseCase;
import dev.almanac.application.event.EditScope;
import dev.almanac.application.event.EventUseCases;
import dev.almanac.application.event.ListWindowUseCase;
import dev.almanac.application.event.OccurrenceUseCase;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.Occurrence;
import dev.almanac.domain.event.OccurrenceId;
import dev.almanac.domain.event.SeriesEdit;
import io.javalin.http.Context;
import java.util.Optional;
import java.util.OptionalLong;

/** {@code /v1/calendars/{calendarId}/events} and {@code .../events/{eventId}}. */
final class EventHandler {
    private final EventUseCases events;
    private final JsonBodies bodies;
    private final Responses responses;
    private final ObjectMapper json;

    EventHandler(EventUseCases events, JsonBodies bodies, Responses responses, ObjectMapper json) {
        this.events = events;
        this.bodies = bodies;
        this.responses = responses;
        this.json = json;
    }

    void create(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        CalendarId calendarId = RequestParams.calendarId(ctx);
        NewEvent request = NewEvent.read(bodies.object(ctx, JsonBodies.JSON));
        Event event = events.create().create(request.toCommand(actor, calendarId));
        responses.created(ctx, "/v1/calendars/" + calendarId + "/events/" + event.id(), event.version(),
                EventResponse.from(event));
    }

    /**
     * The events and occurrences overlapping {@code [from, to)}, by start then id; {@code q} filters titles;
     * {@code expand=false} lists series masters instead of their occurrences.
     */
    void list(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        CalendarId calendarId = RequestParams.calendarId(ctx);
        var query = new ListWindowUseCase.Query(actor, calendarId, RequestParams.instant(ctx, "from"),
                RequestParams.instant(ctx, "to"), RequestParams.text(ctx, "q"), RequestParams.integer(ctx, "limit"),
                RequestParams.text(ctx, "cursor"), RequestParams.bool(ctx, "expand", true));
        responses.json(ctx, 200, PageResponse.from(events.window().window(query), EventResponse::from));
    }

    void get(Context ctx) {
        Optional<OccurrenceId.Parsed> occurrenceId = RequestParams.occurrenceId(ctx);
        if (occurrenceId.isPresent()) {
            Occurrence occurrence = events.occurrences().get(BearerAuthentication.caller(ctx),
                    RequestParams.calendarId(ctx), occurrenceId.get());
            responses.resource(ctx, 200, occurrence.series().version(), EventResponse.from(occurrence));
            return;
        }
        Event event = events.get().get(BearerAuthentication.caller(ctx), RequestParams.calendarId(ctx),
                RequestParams.eventId(ctx));
        responses.resource(ctx, 200, event.version(), EventResponse.from(event));
    }

    /** A status-only patch is a status move; anything else is an update (which may move the status too). */
    void update(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        CalendarId calendarId = RequestParams.calendarId(ctx);
        EditScope scope = RequestParams.scope(ctx);
        Optional<OccurrenceId.Parsed> occurrenceId = RequestParams.occurrenceId(ctx);
        if (occurrenceId.isPresent()) {
            updateOccurrence(ctx, actor, calendarId, occurrenceId.get(), scope);
            return;
        }
        EventId eventId = RequestParams.eventId(ctx);
        ObjectNode body = bodies.object(ctx, JsonBodies.JSON_OR_MERGE_PATCH);
        Event base = null;
        if (EventPatch.patchesInsideTimes(body)) {
            base = events.get().get(actor, calendarId, eventId);
            body = EventPatch.mergeTimes(body, base, json);
        }
        EventPatch patch = EventPatch.read(body);
        Event mergeBase = base;
        OptionalLong expected = Preconditions.expectedVersion(ctx, () -> mergeBase != null ? mergeBase.version()
                : events.get().get(actor, calendarId, eventId).version());
        if (expected.isEmpty() && base != null) {
            // The merged times were computed from this version; a concurrent change must not slip under them.
            expected = OptionalLong.of(base.version());
        }
        if (patch.onlyStatus()) {
            Event event = events.changeStatus().changeStatus(patch.toStatusChange(actor, calendarId, eventId, expected));
            responses.resource(ctx, 200, event.version(), EventResponse.from(event));
            return;
        }
        SeriesEdit edit = events.update().updateReporting(patch.toUpdate(actor, calendarId, eventId, expected));
        Event event = edit.series().master();
        EventResponse answer = EventResponse.from(event);
        responses.resource(ctx, 200, event.version(), event.isSeries() || !edit.detached().isEmpty()
                ? answer.reporting(edit) : answer);
    }

    /**
     * A patch through one occurrence: scope {@code this} answers the occurrence, {@code following} the new series
     * begun there, {@code all} the series; each with what became of the overrides. The ETag is the series'.
     */
    private void updateOccurrence(Context ctx, AccountId actor, CalendarId calendarId, OccurrenceId.Parsed id,
                                  EditScope scope) {
        ObjectNode body = bodies.object(ctx, JsonBodies.JSON_OR_MERGE_PATCH);
        Occurrence base = null;
        if (EventPatch.patchesInsideTimes(body)) {
            base = events.occurrences().get(actor, calendarId, id);
            body = EventPatch.mergeTimes(body, base.asEvent(), json);
        }
        EventPatch patch = EventPatch.read(body);
        Occurrence mergeBase = base;
        OptionalLong expected = Preconditions.expectedVersion(ctx, () -> mergeBase != null
                ? mergeBase.series().version() : events.occurrences().get(actor, calendarId, id).series().version());
        if (expected.isEmpty() && base != null) {
            expected = OptionalLong.of(base.series().version());
        }
        OccurrenceUseCase.Result result = events.occurrences().change(
                patch.toOccurrenceChange(actor, calendarId, id, scope, expected));
        if (result.occurrence().isPresent()) {
            Occurrence occurrence = result.occurrence().get();
            responses.resource(ctx, 200, occurrence.series().version(),
                    EventResponse.from(occurrence).reporting(result.edit()));
            return;
        }
        Event master = result.master();
        responses.resource(ctx, 200, master.version(), EventResponse.from(master).reporting(result.edit()));
    }

    void delete(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        CalendarId calendarId = RequestParams.calendarId(ctx);
        EditScope scope = RequestParams.scope(ctx);
        Optional<OccurrenceId.Parsed> occurrenceId = RequestParams.occurrenceId(ctx);
        if (occurrenceId.isPresent()) {
            OptionalLong expected = Preconditions.expectedVersion(ctx, () -> events.occurrences()
                    .get(actor, calendarId, occurrenceId.get()).series().version());
            events.occurrences().remove(new OccurrenceUseCase.Removal(actor, calendarId, occurrenceId.get(), scope,
                    expected));
            ctx.status(204);
            return;
        }
        EventId eventId = RequestParams.eventId(ctx);
        OptionalLong expected = Preconditions.expectedVersion(ctx,
                () -> events.get().get(actor, calendarId, eventId).version());
        events.delete().delete(new DeleteEventUseCase.Command(actor, calendarId, eventId, expected));
        ctx.status(204);
    }
}
