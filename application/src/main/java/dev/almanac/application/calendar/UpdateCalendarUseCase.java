package dev.almanac.application.calendar;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import java.util.Optional;
import java.util.OptionalLong;

/** Changes a calendar's name, description or time zone; absent parts stay as they are. */
public interface UpdateCalendarUseCase {

    /**
     * @throws dev.almanac.domain.shared.NotFoundException      {@code calendar.not_found}
     * @throws dev.almanac.domain.shared.StaleVersionException  when {@code expectedVersion} is stale
     * @throws dev.almanac.domain.shared.RuleViolationException for bad values
     */
    Calendar update(Command command);

    record Command(AccountId actor, CalendarId id, OptionalLong expectedVersion, Optional<String> name,
                   Optional<String> description, Optional<String> timeZone) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(id, "id");
            requireNonNull(expectedVersion, "expectedVersion");
            requireNonNull(name, "name");
            requireNonNull(description, "description");
            requireNonNull(timeZone, "timeZone");
        }
    }
}
