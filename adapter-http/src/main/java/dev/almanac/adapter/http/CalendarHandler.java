package dev.almanac.adapter.http;

import dev.almanac.adapter.http.CalendarBodies.CalendarPatch;
import dev.almanac.adapter.http.CalendarBodies.CalendarResponse;
import dev.almanac.adapter.http.CalendarBodies.NewCalendar;
import dev.almanac.application.calendar.CalendarUseCases;
import dev.almanac.application.calendar.DeleteCalendarUseCase;
import dev.almanac.application.calendar.ListCalendarsUseCase;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import io.javalin.http.Context;
import java.util.OptionalLong;

/** {@code /v1/calendars} and {@code /v1/calendars/{calendarId}}. */
final class CalendarHandler {
    private final CalendarUseCases calendars;
    private final JsonBodies bodies;
    private final Responses responses;

    CalendarHandler(CalendarUseCases calendars, JsonBodies bodies, Responses responses) {
        this.calendars = calendars;
        this.bodies = bodies;
        this.responses = responses;
    }

    void create(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        NewCalendar request = NewCalendar.read(bodies.object(ctx, JsonBodies.JSON));
        Calendar calendar = calendars.create().create(request.toCommand(actor));
        responses.created(ctx, "/v1/calendars/" + calendar.id(), calendar.version(), CalendarResponse.from(calendar));
    }

    void list(Context ctx) {
        var query = new ListCalendarsUseCase.Query(BearerAuthentication.caller(ctx),
                RequestParams.integer(ctx, "limit"), RequestParams.text(ctx, "cursor"));
        responses.json(ctx, 200, PageResponse.from(calendars.list().list(query), CalendarResponse::from));
    }

    void get(Context ctx) {
        Calendar calendar = calendars.get().get(BearerAuthentication.caller(ctx), RequestParams.calendarId(ctx));
        responses.resource(ctx, 200, calendar.version(), CalendarResponse.from(calendar));
    }

    void update(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        CalendarId id = RequestParams.calendarId(ctx);
        CalendarPatch patch = CalendarPatch.read(bodies.object(ctx, JsonBodies.JSON_OR_MERGE_PATCH));
        OptionalLong expected = expectedVersion(ctx, actor, id);
        Calendar calendar = calendars.update().update(patch.toCommand(actor, id, expected));
        responses.resource(ctx, 200, calendar.version(), CalendarResponse.from(calendar));
    }

    void delete(Context ctx) {
        AccountId actor = BearerAuthentication.caller(ctx);
        CalendarId id = RequestParams.calendarId(ctx);
        calendars.delete().delete(new DeleteCalendarUseCase.Command(actor, id, expectedVersion(ctx, actor, id)));
        ctx.status(204);
    }

    private OptionalLong expectedVersion(Context ctx, AccountId actor, CalendarId id) {
        return Preconditions.expectedVersion(ctx, () -> calendars.get().get(actor, id).version());
    }
}
