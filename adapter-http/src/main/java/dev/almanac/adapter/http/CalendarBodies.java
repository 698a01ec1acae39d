package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.almanac.application.calendar.CreateCalendarUseCase;
import dev.almanac.application.calendar.UpdateCalendarUseCase;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import java.util.Optional;
import java.util.OptionalLong;

/** The request and response bodies of {@code /v1/calendars}. */
final class CalendarBodies {
    private CalendarBodies() {
    }

    /** {@code POST /v1/calendars}. */
    record NewCalendar(String name, Optional<String> description, String timeZone) {
        static NewCalendar read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "name", "description", "timeZone");
            var calendar = new NewCalendar(fields.text("name"), fields.optionalText("description"),
                    fields.text("timeZone"));
            fields.throwIfInvalid();
            return calendar;
        }

        CreateCalendarUseCase.Command toCommand(AccountId actor) {
            return new CreateCalendarUseCase.Command(actor, name, description, timeZone);
        }
    }

    /**
     * {@code PATCH /v1/calendars/{id}}, a JSON merge patch: present fields replace, {@code description: null}
     * clears it, {@code null} for name or timeZone is refused with 422 (they cannot be cleared).
     */
    record CalendarPatch(Optional<String> name, Optional<String> description, Optional<String> timeZone) {
        static CalendarPatch read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "name", "description", "timeZone");
            Optional<String> name = fields.optionalText("name");
            Optional<String> description = fields.has("description") && !fields.present("description")
                    ? Optional.of("") : fields.optionalText("description");
            Optional<String> timeZone = fields.optionalText("timeZone");
            fields.throwIfInvalid();
            MergePatch.refuseNulls(body, "name", "timeZone");
            return new CalendarPatch(name, description, timeZone);
        }

        UpdateCalendarUseCase.Command toCommand(AccountId actor, CalendarId id, OptionalLong expectedVersion) {
            return new UpdateCalendarUseCase.Command(actor, id, expectedVersion, name, description, timeZone);
        }
    }

    /** A calendar as clients see it; {@code description} is {@code ""} when there is none. */
    record CalendarResponse(String id, String name, String description, String timeZone, String createdAt,
                            String updatedAt) {
        static CalendarResponse from(Calendar calendar) {
            return new CalendarResponse(calendar.id().toString(), calendar.name(), calendar.description(),
                    calendar.timeZone().getId(), calendar.createdAt().toString(), calendar.updatedAt().toString());
        }
    }
}
