package dev.almanac.domain.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Reading an occurrence id ({@code <series uuid>_<original start>}) from a path, and telling it from an event id. */
class OccurrenceIdTest {
    private static final String SERIES = "0190aaaa-0000-7000-8000-0000000000c1";

    @Test
    void a_timed_occurrence_id_names_its_series_and_its_original_wall_time() {
        OccurrenceId.Parsed parsed = OccurrenceId.parse(SERIES + "_20260907T090000").orElseThrow();

        assertThat(parsed.seriesId()).isEqualTo(new EventId(UUID.fromString(SERIES)));
        assertThat(parsed.dateTime()).contains(LocalDateTime.of(2026, 9, 7, 9, 0));
        assertThat(parsed.date()).isEmpty();
    }

    @Test
    void an_all_day_occurrence_id_names_its_original_date() {
        OccurrenceId.Parsed parsed = OccurrenceId.parse(SERIES.toUpperCase() + "_20260907").orElseThrow();

        assertThat(parsed.seriesId()).isEqualTo(new EventId(UUID.fromString(SERIES)));
        assertThat(parsed.date()).contains(LocalDate.of(2026, 9, 7));
        assertThat(parsed.dateTime()).isEmpty();
    }

    @Test
    void a_plain_event_id_or_anything_else_is_no_occurrence_id() {
        for (String text : new String[] {SERIES, "", "_", SERIES + "_", SERIES + "_2026090", SERIES + "_20260907T0900",
                SERIES + "_20260907T090000Z", SERIES + "_20260230", SERIES + "_20260907T250000", "x" + SERIES + "_20260907",
                SERIES.replace('-', '_') + "_20260907", SERIES + "_2026\u0660907"}) {
            assertThat(OccurrenceId.parse(text)).as("'%s'", text).isEqualTo(Optional.empty());
        }
        assertThat(OccurrenceId.parse(null)).isEmpty();
    }

    @Test
    void what_an_occurrence_id_writes_it_reads_back() {
        var id = new OccurrenceId(new EventId(UUID.fromString(SERIES)),
                new TimePoint.Day(LocalDate.of(2027, 2, 28)));

        assertThat(OccurrenceId.parse(id.toString()).orElseThrow().date()).contains(LocalDate.of(2027, 2, 28));
    }
}
