package dev.almanac.domain.recurrence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.shared.RuleViolationException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Counted rules are walked whole once and remembered; what they give is what walking them each time gives. */
class CountedInstancesTest {
    private static final Optional<ZoneId> BERLIN = Optional.of(ZoneId.of("Europe/Berlin"));

    private static List<LocalDateTime> all(Iterator<LocalDateTime> it) {
        List<LocalDateTime> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }

    @Test
    void a_counted_rule_gives_the_same_instances_from_any_point_as_a_walk_from_its_start() {
        LocalDateTime start = LocalDateTime.parse("2026-01-05T09:30:15.250");
        for (String text : List.of("FREQ=DAILY;COUNT=40", "FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=200",
                "FREQ=MONTHLY;BYDAY=-1FR;COUNT=30", "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29;COUNT=3",
                "FREQ=DAILY;BYHOUR=9,17;BYMINUTE=0,30;COUNT=25", "FREQ=MONTHLY;BYDAY=MO,TU;BYSETPOS=-1;COUNT=12")) {
            RecurrenceRule rule = RecurrenceRule.parse(text);
            List<LocalDateTime> walked = all(new Expansion(rule, start, BERLIN, LocalDateTime.MIN));
            assertThat(walked).as(text).hasSize(rule.count().getAsInt());
            for (LocalDateTime notBefore : List.of(LocalDateTime.MIN, start, start.plusDays(10).withNano(0),
                    start.plusDays(45), walked.get(walked.size() - 1), walked.get(walked.size() - 1).plusSeconds(1))) {
                List<LocalDateTime> expected = walked.stream().filter(t -> !t.isBefore(notBefore)).toList();
                assertThat(all(CountedInstances.from(rule, start, BERLIN, notBefore)))
                        .as("%s from %s", text, notBefore).containsExactlyElementsOf(expected);
                // asked again: now from what was remembered
                assertThat(all(rule.instances(start, BERLIN, notBefore))).as("%s again", text)
                        .containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void a_counted_rule_that_cannot_be_walked_whole_fails_where_a_lazy_walk_fails() {
        // Never a 30 February: the walk gives DTSTART, then scans days until the scan limit.
        RecurrenceRule rule = RecurrenceRule.parse("FREQ=DAILY;BYMONTH=2;BYMONTHDAY=30;COUNT=5");
        Iterator<LocalDateTime> instances = rule.instances(LocalDateTime.parse("2026-02-01T09:00"), BERLIN,
                LocalDateTime.MIN);

        assertThat(instances.next()).isEqualTo(LocalDateTime.parse("2026-02-01T09:00"));
        assertThatThrownBy(instances::hasNext).isInstanceOfSatisfying(RuleViolationException.class,
                e -> assertThat(e.code()).isEqualTo("event.recurrence.expansion_limit"));
    }
}
