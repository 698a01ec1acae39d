package dev.almanac.domain.shared;

import static dev.almanac.domain.testing.Calendars.aCalendar;
import static dev.almanac.domain.testing.Events.anEvent;
import static dev.almanac.domain.testing.Events.day;
import static dev.almanac.domain.testing.Events.wall;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordPolicy;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarPermission;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventStatus;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.TimePoint;
import dev.almanac.domain.event.TimeSlot;
import dev.almanac.domain.testing.Ids;
import java.time.Instant;
import java.time.LocalDate;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Codes are a public contract: dot separated, lower case, at least two parts, e.g. {@code event.time.too_long}. */
class DomainExceptionCodesTest {

    private static final Pattern CODE = Pattern.compile("[a-z_]+(\\.[a-z_]+)+");

    /** One way to provoke each failure the domain can report. */
    static Stream<Arguments> failures() {
        return Stream.of(
                failure("blank label", () -> Text.label(" ", 5, "f", "x.label")),
                failure("long label", () -> Text.label("123456", 5, "f", "x.label")),
                failure("control label", () -> Text.label("a\u0000", 5, "f", "x.label")),
                failure("long prose", () -> Text.prose("123456", 5, "f", "x.prose")),
                failure("control prose", () -> Text.prose("\u0007", 5, "f", "x.prose")),
                failure("missing zone", () -> TimeZones.iana("", "timeZone", "calendar.time_zone")),
                failure("unknown zone", () -> TimeZones.iana("+02:00", "timeZone", "calendar.time_zone")),
                failure("blank email", () -> EmailAddress.of(" ")),
                failure("long email", () -> EmailAddress.of("a".repeat(300))),
                failure("bad email", () -> EmailAddress.of("a@b")),
                failure("blank password", () -> PasswordPolicy.check("")),
                failure("short password", () -> PasswordPolicy.check("short")),
                failure("long password", () -> PasswordPolicy.check("p".repeat(129))),
                failure("NUL password", () -> PasswordPolicy.check("p".repeat(12) + "\u0000")),
                failure("blank display name", () -> new DisplayName("")),
                failure("long display name", () -> new DisplayName("d".repeat(101))),
                failure("control display name", () -> new DisplayName("a\nb")),
                failure("blank calendar name", () -> aCalendar().named("").build()),
                failure("long calendar description", () -> aCalendar().describedAs("d".repeat(10_001)).build()),
                failure("stranger on a calendar", () -> aCalendar().ownedBy(Ids.account(1)).build()
                        .require(Ids.account(2), CalendarPermission.READ)),
                failure("missing calendar", () -> {
                    throw Calendar.notFound(Ids.calendar(9));
                }),
                failure("missing event", () -> {
                    throw Event.notFound(Ids.event(9));
                }),
                failure("stale calendar", () -> {
                    throw new StaleVersionException("calendar", 3);
                }),
                failure("stale event", () -> {
                    throw new StaleVersionException("event", 3);
                }),
                failure("blank title", () -> anEvent().titled("").build()),
                failure("long location", () -> anEvent().at("l".repeat(1001)).build()),
                failure("control description", () -> anEvent().describedAs("\u001B").build()),
                failure("end before start", () -> anEvent().timed("2026-01-01T10:00", "2026-01-01T09:00", "UTC").build()),
                failure("mixed kinds", () -> anEvent().from(day("2026-01-01")).to(wall("2026-01-02T00:00", "UTC")).build()),
                failure("span too long", () -> anEvent().allDay("2026-01-01", "2036-01-01").build()),
                failure("year out of range", () -> new EventTime(new TimePoint.Day(LocalDate.of(10_000, 1, 1)),
                        day("2026-01-01"))),
                failure("empty slot", () -> new TimeSlot(Instant.EPOCH, Instant.EPOCH)),
                failure("cancelled on create", () -> Event.schedule(Ids.event(1), Ids.calendar(1), "t", "", "",
                        anEvent().time(), java.util.Optional.of(EventStatus.CANCELLED), java.time.ZoneOffset.UTC,
                        Instant.EPOCH)),
                failure("illegal move", () -> EventStatus.CANCELLED.moveTo(EventStatus.CONFIRMED)),
                failure("blank key name", () -> new dev.almanac.domain.apikey.ApiKeyName(" ")),
                failure("unknown scope", () -> dev.almanac.domain.apikey.Scopes.parse(java.util.List.of("root"))),
                failure("no scopes", () -> dev.almanac.domain.apikey.Scopes.parse(java.util.List.of())),
                failure("past key expiry", () -> dev.almanac.domain.apikey.ApiKey.checkExpiry(Instant.EPOCH,
                        Instant.EPOCH)),
                failure("far key expiry", () -> dev.almanac.domain.apikey.ApiKey.checkExpiry(
                        Instant.EPOCH.plus(java.time.Duration.ofDays(400)), Instant.EPOCH)),
                failure("missing scope", () -> {
                    throw new dev.almanac.domain.apikey.ScopeMissingException(dev.almanac.domain.apikey.Scope.EVENTS_WRITE);
                }),
                failure("key limit", () -> {
                    throw dev.almanac.domain.apikey.ApiKey.limitReached(100);
                }),
                failure("stale key", () -> {
                    throw new StaleVersionException("api_key", 1);
                }),
                failure("illegal account move", () -> dev.almanac.domain.account.AccountStatus.DISABLED
                        .moveTo(dev.almanac.domain.account.AccountStatus.ACTIVE)),
                failure("unverified account", () -> dev.almanac.domain.testing.Accounts.anAccount().build()
                        .requireVerified()),
                failure("unknown verification token", () -> {
                    throw dev.almanac.domain.account.VerificationToken.unknown();
                }));
    }

    private static Arguments failure(String what, ThrowingCallable provoke) {
        return Arguments.of(what, provoke);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("failures")
    void every_failure_carries_a_dotted_lower_case_code(String what, ThrowingCallable provoke) {
        Throwable thrown = catchThrowable(provoke);
        assertThat(thrown).as(what).isInstanceOf(DomainException.class);
        DomainException failure = (DomainException) thrown;
        assertThat(failure.code()).as(what).matches(CODE);
        if (failure instanceof RuleViolationException violation) {
            assertThat(violation.violations()).as(what).isNotEmpty()
                    .allSatisfy(v -> assertThat(v.code()).matches(CODE));
        }
    }

    @Test
    void the_pattern_refuses_what_is_not_a_code() {
        assertThat(Stream.of("event", "Event.not_found", "event.", ".event", "event..x", "event.not-found", "e1.x"))
                .noneMatch(c -> CODE.matcher(c).matches());
    }
}
