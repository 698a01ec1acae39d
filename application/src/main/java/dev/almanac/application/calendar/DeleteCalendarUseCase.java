package dev.almanac.application.calendar;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.CalendarId;
import java.util.OptionalLong;

/** Deletes a calendar and every event in it. */
public interface DeleteCalendarUseCase {

    /**
     * @throws dev.almanac.domain.shared.NotFoundException     {@code calendar.not_found}
     * @throws dev.almanac.domain.shared.StaleVersionException when {@code expectedVersion} is stale
     */
    void delete(Command command);

    record Command(AccountId actor, CalendarId id, OptionalLong expectedVersion) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(id, "id");
            requireNonNull(expectedVersion, "expectedVersion");
        }
    }
}
