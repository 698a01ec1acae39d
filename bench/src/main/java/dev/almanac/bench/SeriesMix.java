package dev.almanac.bench;

import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.event.EventTime;
import dev.almanac.domain.event.Recurrence;
import dev.almanac.domain.event.TimePoint;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The series of issue 4's target calendar, the same for the seeder (over HTTP) and for
 * {@link SeriesWindowBenchmarks} (in CPU alone): series {@code n} follows from {@code n}.
 */
final class SeriesMix {
    private static final long SEED = 4_000_000_000L;
    private static final List<List<DayOfWeek>> SEVERAL_DAYS = List.of(
            List.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY), List.of(DayOfWeek.TUESDAY, DayOfWeek.THURSDAY),
            List.of(DayOfWeek.MONDAY, DayOfWeek.THURSDAY), List.of(DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY));
    private static final int[] ORDINALS = {1, 2, 3, 4, -1};

    private SeriesMix() {
    }

    /**
     * Series {@code n}: it begins somewhere in the first 52 weeks, 7:00 to 19:00 in one of five zones (one in ten
     * all-day), on one of seven rule shapes: daily (12 %), weekdays (20 %), weekly (20 %), weekly on two or three
     * days (15 %), every other week (12 %), monthly on a day of the month (10 %), monthly on an ordinal weekday
     * such as the second Tuesday or the last Friday (11 %). One in ten ends after a COUNT, one in ten at an UNTIL
     * date; the rest are open-ended. The start always falls on a day the rule gives.
     */
    static Event master(long n, CalendarId calendar, ZoneId calendarZone, Instant now) {
        var random = new SplittableRandom(SEED - n);
        ZoneId zone = Seeder.ZONES[random.nextInt(Seeder.ZONES.length)];
        LocalDate day = LocalDate.ofInstant(Plan.WEEK_ZERO, ZoneOffset.UTC).plusDays(random.nextInt(52 * 7));
        int shape = random.nextInt(100);
        String rule;
        String title;
        if (shape < 12) {
            rule = "FREQ=DAILY";
            title = "Daily check-in";
        } else if (shape < 32) {
            day = day.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).plusDays(random.nextInt(5));
            rule = "FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR";
            title = "Stand-up";
        } else if (shape < 52) {
            rule = "FREQ=WEEKLY";
            title = "Weekly one-to-one";
        } else if (shape < 67) {
            List<DayOfWeek> days = SEVERAL_DAYS.get(random.nextInt(SEVERAL_DAYS.size()));
            day = day.with(TemporalAdjusters.nextOrSame(days.get(0)));
            rule = "FREQ=WEEKLY;BYDAY=" + String.join(",", days.stream().map(SeriesMix::ical).toList());
            title = "Training";
        } else if (shape < 79) {
            rule = "FREQ=WEEKLY;INTERVAL=2";
            title = "Sprint review";
        } else if (shape < 89) {
            day = day.withDayOfMonth(Math.min(day.getDayOfMonth(), 28));
            rule = "FREQ=MONTHLY;BYMONTHDAY=" + day.getDayOfMonth();
            title = "Monthly report";
        } else {
            int ordinal = ORDINALS[random.nextInt(ORDINALS.length)];
            DayOfWeek weekday = DayOfWeek.of(1 + random.nextInt(5));
            LocalDate candidate = day.with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday));
            day = candidate.isBefore(day)
                    ? day.plusMonths(1).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, weekday)) : candidate;
            rule = "FREQ=MONTHLY;BYDAY=" + ordinal + ical(weekday);
            title = "Board meeting";
        }
        boolean allDay = random.nextInt(10) == 0;
        int end = random.nextInt(10);
        if (end == 0) {
            rule += ";COUNT=" + (5 + random.nextInt(200));
        } else if (end == 1) {
            LocalDate until = day.plusDays(60 + random.nextInt(640));
            rule += ";UNTIL=" + (allDay ? until.format(DateTimeFormatter.BASIC_ISO_DATE)
                    : until.atTime(23, 59, 59).atZone(zone).withZoneSameInstant(ZoneOffset.UTC)
                            .format(DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")));
        }
        EventTime time;
        if (allDay) {
            time = EventTime.allDay(day, day.plusDays(1));
        } else {
            LocalDateTime start = day.atTime(7 + random.nextInt(12), 15 * random.nextInt(4));
            time = EventTime.timed(new TimePoint.Wall(start, zone),
                    new TimePoint.Wall(start.plusMinutes(15L * (1 + random.nextInt(8))), zone));
        }
        return Event.schedule(new EventId(BenchIds.of(BenchIds.SERIES, n)), calendar,
                title + " " + n, n % 4 == 0 ? "Notes in the shared folder." : "", n % 3 == 0 ? "Room " + n % 40 : "",
                time, Optional.empty(), calendarZone, now, Recurrence.parse(List.of("RRULE:" + rule),
                        time.start()));
    }

    private static String ical(DayOfWeek day) {
        return day.name().substring(0, 2);
    }
}
