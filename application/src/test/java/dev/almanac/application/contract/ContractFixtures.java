package dev.almanac.application.contract;

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
import dev.almanac.domain.event.TimePoint;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Small builders for the repository contracts. Instants are whole seconds, which every store keeps exactly.
 * Ids come from a counter in the high half so they never collide with the hand-picked ids some tests use.
 */
final class ContractFixtures {
    static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

    private static final AtomicLong NEXT = new AtomicLong(1);

    private ContractFixtures() {
    }

    static UUID newId() {
        return new UUID(0x1234_5678_0000_7000L, NEXT.getAndIncrement());
    }

    static Account account(String email) {
        return Account.register(new AccountId(newId()), EmailAddress.of(email), new DisplayName("Ada Lovelace"),
                new PasswordHash("$fake$g1$correct horse battery"), NOW);
    }

    static Calendar calendar(AccountId owner, String name, ZoneId zone, Instant createdAt) {
        return calendar(new CalendarId(newId()), owner, name, zone, createdAt);
    }

    static Calendar calendar(CalendarId id, AccountId owner, String name, ZoneId zone, Instant createdAt) {
        return Calendar.create(id, owner, name, "", zone, createdAt);
    }

    /** A timed event in UTC wall time, so its slot is exactly [start, end). */
    static Event timed(Calendar calendar, String title, String start, String end) {
        return timed(new EventId(newId()), calendar, title, start, end);
    }

    static Event timed(EventId id, Calendar calendar, String title, String start, String end) {
        ZoneId utc = ZoneId.of("UTC");
        EventTime time = EventTime.timed(new TimePoint.Wall(LocalDateTime.parse(start), utc),
                new TimePoint.Wall(LocalDateTime.parse(end), utc));
        return Event.schedule(id, calendar.id(), title, "", "", time, Optional.empty(), calendar.timeZone(), NOW);
    }

    static Event allDay(Calendar calendar, String title, String first, String endExclusive) {
        EventTime time = EventTime.allDay(LocalDate.parse(first), LocalDate.parse(endExclusive));
        return Event.schedule(new EventId(newId()), calendar.id(), title, "", "", time,
                Optional.of(EventStatus.TENTATIVE), calendar.timeZone(), NOW);
    }

    static Instant at(String instant) {
        return Instant.parse(instant);
    }
}
