package dev.almanac.domain.shared;

import static dev.almanac.domain.testing.DomainAssertions.assertViolation;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class TimeZonesTest {

    @Nested
    class IanaIdentifiers {

        @ParameterizedTest
        @ValueSource(strings = {"Europe/Berlin", "America/New_York", "Australia/Lord_Howe", "Pacific/Kiritimati",
                "Asia/Kolkata", "UTC", "Etc/GMT+2", "America/Argentina/Buenos_Aires"})
        void a_zone_of_the_tz_database_is_accepted(String id) {
            assertThat(TimeZones.iana(id, "timeZone", "calendar.time_zone")).isEqualTo(ZoneId.of(id));
        }
    }

    @Nested
    class EverythingElse {

        @ParameterizedTest
        @ValueSource(strings = {"+02:00", "-05:00", "Z", "GMT+2", "UTC+01:00", "UT+3", "PST", "CEST", "europe/berlin",
                "Europe/Atlantis", "Europe/Berlin ", "not a zone", "../../etc/passwd", "Europe/Berlin\u0000"})
        void an_offset_an_abbreviation_or_garbage_is_refused(String id) {
            assertViolation(() -> TimeZones.iana(id, "timeZone", "calendar.time_zone"),
                    "timeZone", "calendar.time_zone.unknown");
        }

        @ParameterizedTest
        @NullSource
        @ValueSource(strings = {"", "   "})
        void a_missing_zone_is_refused(String id) {
            assertViolation(() -> TimeZones.iana(id, "timeZone", "calendar.time_zone"),
                    "timeZone", "calendar.time_zone.missing");
        }

        @Test
        void a_very_long_id_is_refused_and_not_echoed_in_full() {
            String huge = "Europe/" + "x".repeat(100_000);
            var e = assertViolation(() -> TimeZones.iana(huge, "timeZone", "calendar.time_zone"),
                    "timeZone", "calendar.time_zone.unknown");
            assertThat(e.violations().get(0).message()).hasSizeLessThan(200);
        }

        @Test
        void the_message_does_not_echo_control_characters() {
            var e = assertViolation(() -> TimeZones.iana("Evil\r\nSet-Cookie: x\u001B[31m", "start.timeZone",
                    "event.time.zone"), "start.timeZone", "event.time.zone.unknown");
            assertThat(e.violations().get(0).message())
                    .doesNotContain("\r", "\n", "\u001B")
                    .contains("is not an IANA time zone");
            assertThat(e.getMessage()).doesNotContain("\r", "\n", "\u001B");
        }
    }
}
