package dev.almanac.application.fakes;

import dev.almanac.application.contract.CalendarRepositoryContract;
import dev.almanac.application.contract.Repositories;

class InMemoryCalendarRepositoryTest extends CalendarRepositoryContract {
    @Override
    protected Repositories freshRepositories() {
        InMemoryStore store = new InMemoryStore();
        return new Repositories(store.accounts(), store.calendars(), store.events());
    }
}
