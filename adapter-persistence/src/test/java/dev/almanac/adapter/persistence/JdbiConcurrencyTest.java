package dev.almanac.adapter.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.contract.Repositories;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.shared.StaleVersionException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Optimistic locking against a real second writer: another connection, on another thread, stores a change
 * between our load and our save. (Nested calls on one thread share Jdbi's handle and transaction, so they
 * cannot stand in for a second writer; the in-memory fake has no concurrency to test.)
 */
class JdbiConcurrencyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static PostgresStore store;
    private static ExecutorService otherWriter;

    private Repositories repositories;
    private Calendar calendar;

    @BeforeAll
    static void database() {
        store = new PostgresStore();
        otherWriter = Executors.newSingleThreadExecutor();
    }

    @AfterAll
    static void stopWriter() {
        otherWriter.shutdownNow();
    }

    @BeforeEach
    void oneCalendar() {
        repositories = store.emptied();
        Account owner = Account.register(new AccountId(UUID.randomUUID()), EmailAddress.of("ada@example.org"),
                new DisplayName("Ada"), new PasswordHash("$fake$g1$x"), NOW);
        repositories.accounts().add(owner);
        calendar = Calendar.create(new CalendarId(UUID.randomUUID()), owner.id(), "Work", "",
                ZoneId.of("Europe/Berlin"), NOW);
        repositories.calendars().add(calendar);
    }

    private void onAnotherConnection(Runnable write) {
        try {
            otherWriter.submit(write).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the other writer failed or was blocked", e);
        }
    }

    @Test
    void a_calendar_update_that_loses_a_race_to_another_writer_is_refused_as_stale() {
        assertThatThrownBy(() -> repositories.calendars().update(calendar.id(), OptionalLong.empty(), loaded -> {
            onAnotherConnection(() -> repositories.calendars().update(calendar.id(), OptionalLong.empty(),
                    c -> c.revise("Theirs", null, null, NOW)));
            return loaded.revise("Ours", null, null, NOW);
        })).isInstanceOf(StaleVersionException.class);

        assertThat(repositories.calendars().byId(calendar.id()).orElseThrow())
                .extracting(Calendar::name, Calendar::version).containsExactly("Theirs", 1L);
    }

    @Test
    void an_event_update_that_loses_a_race_to_another_writer_is_refused_as_stale() {
        Event holiday = Event.schedule(new EventId(UUID.randomUUID()), calendar.id(), "Holiday", "", "",
                EventTime.allDay(LocalDate.parse("2026-03-10"), LocalDate.parse("2026-03-11")), Optional.empty(),
                calendar.timeZone(), NOW);
        repositories.events().add(holiday);

        assertThatThrownBy(() -> repositories.events().update(calendar.id(), holiday.id(), OptionalLong.empty(),
                (c, loaded) -> {
                    onAnotherConnection(() -> repositories.events().update(calendar.id(), holiday.id(),
                            OptionalLong.empty(), (c2, e) -> e.moveTo(EventStatus.TENTATIVE, NOW)));
                    return loaded.moveTo(EventStatus.CANCELLED, NOW);
                })).isInstanceOf(StaleVersionException.class);

        assertThat(repositories.events().byId(calendar.id(), holiday.id()).orElseThrow())
                .extracting(Event::status, Event::version).containsExactly(EventStatus.TENTATIVE, 1L);
    }
}
