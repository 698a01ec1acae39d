package dev.almanac.application.calendar;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import java.util.Optional;

/** Creates a calendar owned by the actor. */
public interface CreateCalendarUseCase {

    /** @throws dev.almanac.domain.shared.RuleViolationException for a bad name, description or time zone */
    Calendar create(Command command);

    record Command(AccountId actor, String name, Optional<String> description, String timeZone) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(name, "name");
            requireNonNull(description, "description");
            requireNonNull(timeZone, "timeZone");
        }
    }
}
