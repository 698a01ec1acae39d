package dev.almanac.domain.testing;

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

/**
 * Builds events for tests through the same door the application uses ({@link Event#schedule}):
 * {@code Events.anEvent().titled("Standup").from(wall("2026-03-09T09:00", "Europe/Berlin")).build()}.
 * A one-hour event in Berlin on 2026-03-09 unless told otherwise; a cancelled event is scheduled, then cancelled.
 */
public final class Events {
    private EventId id = Ids.event(1);
    private CalendarId calendarId = Ids.calendar(1);
    private String title = "Standup";
    private String description = "";
    private String location = "";
    private TimePoint start = wall("2026-03-09T09:00", "Europe/Berlin");
    private TimePoint end = wall("2026-03-09T10:00", "Europe/Berlin");
    private EventStatus status = EventStatus.CONFIRMED;
    private String calendarZone = "Europe/Berlin";
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private long version;

    private Events() {
    }

    public static Events anEvent() {
        return new Events();
    }

    /** A wall-clock time in a zone, e.g. {@code wall("2026-03-08T02:30", "America/New_York")}. */
    public static TimePoint.Wall wall(String localDateTime, String zone) {
        return new TimePoint.Wall(LocalDateTime.parse(localDateTime), ZoneId.of(zone));
    }

    /** A date of an all-day event, e.g. {@code day("2026-03-08")}. */
    public static TimePoint.Day day(String date) {
        return new TimePoint.Day(LocalDate.parse(date));
    }

    public Events withId(EventId value) {
        this.id = value;
        return this;
    }

    public Events inCalendar(CalendarId value) {
        this.calendarId = value;
        return this;
    }

    /** The zone of the calendar the event lives in, which anchors all-day dates. */
    public Events inCalendarZone(String value) {
        this.calendarZone = value;
        return this;
    }

    public Events titled(String value) {
        this.title = value;
        return this;
    }

    public Events describedAs(String value) {
        this.description = value;
        return this;
    }

    public Events at(String value) {
        this.location = value;
        return this;
    }

    public Events from(TimePoint value) {
        this.start = value;
        return this;
    }

    public Events to(TimePoint value) {
        this.end = value;
        return this;
    }

    /** A timed span in one zone: {@code timed("2026-03-09T09:00", "2026-03-09T10:00", "Europe/Berlin")}. */
    public Events timed(String startLocal, String endLocal, String zone) {
        return from(wall(startLocal, zone)).to(wall(endLocal, zone));
    }

    /** An all-day span: {@code allDay("2026-03-09", "2026-03-10")} is one day, the end being exclusive. */
    public Events allDay(String first, String endExclusive) {
        return from(day(first)).to(day(endExclusive));
    }

    public Events withStatus(EventStatus value) {
        this.status = value;
        return this;
    }

    public Events scheduledAt(Instant value) {
        this.now = value;
        return this;
    }

    public Events atVersion(long value) {
        this.version = value;
        return this;
    }

    public EventTime time() {
        return new EventTime(start, end);
    }

    public Event build() {
        Optional<EventStatus> initial = status == EventStatus.CANCELLED ? Optional.empty() : Optional.of(status);
        Event event = Event.schedule(id, calendarId, title, description, location, time(), initial,
                ZoneId.of(calendarZone), now);
        if (status == EventStatus.CANCELLED) {
            event = event.moveTo(EventStatus.CANCELLED, now);
        }
        return event.atVersion(version);
    }
}
