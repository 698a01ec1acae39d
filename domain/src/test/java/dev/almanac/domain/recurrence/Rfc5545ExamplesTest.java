package dev.almanac.domain.recurrence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The examples of RFC 5545 §3.8.5.3, written out by hand as our own vectors (DTSTART in America/New_York; the
 * HOURLY and MINUTELY examples are refused by design, see RecurrenceRuleParsingTest). Dates are 09:00 unless a
 * time is given. For endless rules the first instances are compared.
 */
class Rfc5545ExamplesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    static Stream<Arguments> examples() {
        return Stream.of(
                ex("daily for 10 occurrences", "19970902", "FREQ=DAILY;COUNT=10",
                        "19970902 19970903 19970904 19970905 19970906 19970907 19970908 19970909 19970910 19970911"),
                ex("every other day, forever", "19970902", "FREQ=DAILY;INTERVAL=2",
                        "19970902 19970904 19970906 19970908 19970910 19970912"),
                ex("every 10 days, 5 occurrences", "19970902", "FREQ=DAILY;INTERVAL=10;COUNT=5",
                        "19970902 19970912 19970922 19971002 19971012"),
                ex("weekly for 10 occurrences, across the end of DST", "19970902", "FREQ=WEEKLY;COUNT=10",
                        "19970902 19970909 19970916 19970923 19970930 19971007 19971014 19971021 19971028 19971104"),
                ex("weekly until 24 December 1997", "19970902", "FREQ=WEEKLY;UNTIL=19971224T000000Z",
                        "19970902 19970909 19970916 19970923 19970930 19971007 19971014 19971021 19971028 19971104"
                                + " 19971111 19971118 19971125 19971202 19971209 19971216 19971223"),
                ex("every other week, forever", "19970902", "FREQ=WEEKLY;INTERVAL=2;WKST=SU",
                        "19970902 19970916 19970930 19971014 19971028 19971111 19971125 19971209 19971223 19980106"),
                ex("weekly on Tuesday and Thursday for five weeks", "19970902",
                        "FREQ=WEEKLY;UNTIL=19971007T000000Z;WKST=SU;BYDAY=TU,TH",
                        "19970902 19970904 19970909 19970911 19970916 19970918 19970923 19970925 19970930 19971002"),
                ex("every other week on Monday, Wednesday and Friday until 24 December", "19970901",
                        "FREQ=WEEKLY;INTERVAL=2;UNTIL=19971224T000000Z;WKST=SU;BYDAY=MO,WE,FR",
                        "19970901 19970903 19970905 19970915 19970917 19970919 19970929 19971001 19971003 19971013"
                                + " 19971015 19971017 19971027 19971029 19971031 19971110 19971112 19971114 19971124"
                                + " 19971126 19971128 19971208 19971210 19971212 19971222"),
                ex("every other week on Tuesday and Thursday, 8 occurrences", "19970902",
                        "FREQ=WEEKLY;INTERVAL=2;COUNT=8;WKST=SU;BYDAY=TU,TH",
                        "19970902 19970904 19970916 19970918 19970930 19971002 19971014 19971016"),
                ex("monthly on the first Friday for 10 occurrences", "19970905", "FREQ=MONTHLY;COUNT=10;BYDAY=1FR",
                        "19970905 19971003 19971107 19971205 19980102 19980206 19980306 19980403 19980501 19980605"),
                ex("monthly on the first Friday until 24 December", "19970905",
                        "FREQ=MONTHLY;UNTIL=19971224T000000Z;BYDAY=1FR", "19970905 19971003 19971107 19971205"),
                ex("every other month on the first and last Sunday, 10 occurrences", "19970907",
                        "FREQ=MONTHLY;INTERVAL=2;COUNT=10;BYDAY=1SU,-1SU",
                        "19970907 19970928 19971102 19971130 19980104 19980125 19980301 19980329 19980503 19980531"),
                ex("monthly on the second-to-last Monday for 6 months", "19970922", "FREQ=MONTHLY;COUNT=6;BYDAY=-2MO",
                        "19970922 19971020 19971117 19971222 19980119 19980216"),
                ex("monthly on the third-to-last day, forever", "19970928", "FREQ=MONTHLY;BYMONTHDAY=-3",
                        "19970928 19971029 19971128 19971229 19980129 19980226"),
                ex("monthly on the 2nd and 15th, 10 occurrences", "19970902", "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=2,15",
                        "19970902 19970915 19971002 19971015 19971102 19971115 19971202 19971215 19980102 19980115"),
                ex("monthly on the first and last day, 10 occurrences", "19970930",
                        "FREQ=MONTHLY;COUNT=10;BYMONTHDAY=1,-1",
                        "19970930 19971001 19971031 19971101 19971130 19971201 19971231 19980101 19980131 19980201"),
                ex("every 18 months on the 10th to 15th, 10 occurrences", "19970910",
                        "FREQ=MONTHLY;INTERVAL=18;COUNT=10;BYMONTHDAY=10,11,12,13,14,15",
                        "19970910 19970911 19970912 19970913 19970914 19970915 19990310 19990311 19990312 19990313"),
                ex("every Tuesday, every other month", "19970902", "FREQ=MONTHLY;INTERVAL=2;BYDAY=TU",
                        "19970902 19970909 19970916 19970923 19970930 19971104 19971111 19971118 19971125 19980106"
                                + " 19980113 19980120 19980127 19980303"),
                ex("yearly in June and July, 10 occurrences", "19970610", "FREQ=YEARLY;COUNT=10;BYMONTH=6,7",
                        "19970610 19970710 19980610 19980710 19990610 19990710 20000610 20000710 20010610 20010710"),
                ex("every other year in January, February and March, 10 occurrences", "19970310",
                        "FREQ=YEARLY;INTERVAL=2;COUNT=10;BYMONTH=1,2,3",
                        "19970310 19990110 19990210 19990310 20010110 20010210 20010310 20030110 20030210 20030310"),
                ex("every third year on the 1st, 100th and 200th day, 10 occurrences", "19970101",
                        "FREQ=YEARLY;INTERVAL=3;COUNT=10;BYYEARDAY=1,100,200",
                        "19970101 19970410 19970719 20000101 20000409 20000718 20030101 20030410 20030719 20060101"),
                ex("every 20th Monday of the year", "19970519", "FREQ=YEARLY;BYDAY=20MO",
                        "19970519 19980518 19990517"),
                ex("Monday of week number 20", "19970512", "FREQ=YEARLY;BYWEEKNO=20;BYDAY=MO",
                        "19970512 19980511 19990517"),
                ex("every Thursday in March", "19970313", "FREQ=YEARLY;BYMONTH=3;BYDAY=TH",
                        "19970313 19970320 19970327 19980305 19980312 19980319 19980326 19990304 19990311 19990318"
                                + " 19990325"),
                ex("every Thursday in June, July and August", "19970605", "FREQ=YEARLY;BYDAY=TH;BYMONTH=6,7,8",
                        "19970605 19970612 19970619 19970626 19970703 19970710 19970717 19970724 19970731 19970807"
                                + " 19970814 19970821 19970828 19980604"),
                ex("the first Saturday after the first Sunday of the month", "19970913",
                        "FREQ=MONTHLY;BYDAY=SA;BYMONTHDAY=7,8,9,10,11,12,13",
                        "19970913 19971011 19971108 19971213 19980110 19980207 19980307 19980411 19980509 19980613"),
                ex("US presidential election day", "19961105",
                        "FREQ=YEARLY;INTERVAL=4;BYMONTH=11;BYDAY=TU;BYMONTHDAY=2,3,4,5,6,7,8",
                        "19961105 20001107 20041102"),
                ex("the third Tuesday, Wednesday or Thursday of the month, 3 occurrences", "19970904",
                        "FREQ=MONTHLY;COUNT=3;BYDAY=TU,WE,TH;BYSETPOS=3", "19970904 19971007 19971106"),
                ex("the second-to-last weekday of the month", "19970929",
                        "FREQ=MONTHLY;BYDAY=MO,TU,WE,TH,FR;BYSETPOS=-2",
                        "19970929 19971030 19971127 19971230 19980129 19980226 19980330"),
                ex("every 20 minutes from 9:00 to 16:40, daily", "19970902",
                        "FREQ=DAILY;BYHOUR=9,10,11,12,13,14,15,16;BYMINUTE=0,20,40",
                        "19970902T090000 19970902T092000 19970902T094000 19970902T100000 19970902T102000"),
                ex("WKST=MO changes the result", "19970805", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=MO",
                        "19970805 19970810 19970819 19970824"),
                ex("WKST=SU changes the result", "19970805", "FREQ=WEEKLY;INTERVAL=2;COUNT=4;BYDAY=TU,SU;WKST=SU",
                        "19970805 19970817 19970819 19970831"),
                ex("invalid dates are skipped and not counted", "20070115", "FREQ=MONTHLY;BYMONTHDAY=15,30;COUNT=5",
                        "20070115 20070130 20070215 20070315 20070330"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("examples")
    void expands_as_rfc_5545_shows(String name, LocalDateTime start, String rule, List<LocalDateTime> expected) {
        Iterator<LocalDateTime> it = RecurrenceRule.parse(rule).instances(start, Optional.of(NEW_YORK), start);
        List<LocalDateTime> actual = new ArrayList<>();
        while (it.hasNext() && actual.size() < expected.size() + 1) {
            actual.add(it.next());
        }
        if (RecurrenceRule.parse(rule).isBounded()) {
            assertThat(actual).containsExactlyElementsOf(expected);
        } else {
            assertThat(actual.subList(0, expected.size())).containsExactlyElementsOf(expected);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("untilExamples")
    void counts_as_rfc_5545_says(String rule, LocalDateTime start, int count, LocalDateTime last) {
        Iterator<LocalDateTime> it = RecurrenceRule.parse(rule).instances(start, Optional.of(NEW_YORK), start);
        List<LocalDateTime> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        assertThat(all).hasSize(count).last().isEqualTo(last);
    }

    static Stream<Arguments> untilExamples() {
        return Stream.of(
                Arguments.of("FREQ=DAILY;UNTIL=19971224T000000Z", at("19970902"), 113, at("19971223")),
                Arguments.of("FREQ=YEARLY;UNTIL=20000131T140000Z;BYMONTH=1;BYDAY=SU,MO,TU,WE,TH,FR,SA",
                        at("19980101"), 93, at("20000131")),
                Arguments.of("FREQ=DAILY;UNTIL=20000131T140000Z;BYMONTH=1", at("19980101"), 93, at("20000131")),
                Arguments.of("FREQ=DAILY;UNTIL=20000131;BYMONTH=1", at("19980101"), 93, at("20000131")));
    }

    private static Arguments ex(String name, String start, String rule, String expected) {
        return Arguments.of(name, at(start), rule,
                Arrays.stream(expected.split(" ")).map(Rfc5545ExamplesTest::at).toList());
    }

    static LocalDateTime at(String basic) {
        if (basic.contains("T")) {
            return LocalDateTime.parse(basic, RuleText.BASIC_DATE_TIME);
        }
        return LocalDate.parse(basic, RuleText.BASIC_DATE).atTime(LocalTime.of(9, 0));
    }
}
