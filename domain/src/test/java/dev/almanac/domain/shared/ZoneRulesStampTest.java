package dev.almanac.domain.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.shared.ZoneRulesStamp.Verdict;
import dev.almanac.domain.testing.ShiftingZone;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ZoneRulesStampTest {
    private static final String OTHER = "b".repeat(64);

    @BeforeEach
    @AfterEach
    void resetTheShiftingZone() {
        ShiftingZone.install();
    }

    @Test
    void a_zone_of_the_tz_database_is_stamped_with_the_jdks_tzdata_version() {
        ZoneRulesStamp berlin = ZoneRulesStamp.current("Europe/Berlin");

        assertThat(berlin.version()).matches("[0-9]{4}[a-z]+");
        assertThat(berlin.fingerprint()).hasSize(64);
        assertThat(ZoneRulesStamp.current("Europe/Berlin")).isEqualTo(berlin);
        assertThat(ZoneRulesStamp.current("America/New_York").fingerprint()).isNotEqualTo(berlin.fingerprint());
    }

    @Test
    void every_known_zone_is_stamped() {
        assertThat(ZoneRulesStamp.currentForAll()).containsKeys("Europe/Berlin", "UTC", ShiftingZone.ID)
                .hasSameSizeAs(ZoneId.getAvailableZoneIds());
    }

    @Test
    void a_rule_change_changes_the_fingerprint_and_the_zones_instants() {
        ZoneRulesStamp before = ZoneRulesStamp.current(ShiftingZone.ID);
        LocalDateTime nine = LocalDateTime.parse("2030-06-03T09:00");
        var beforeInstant = ZonedDateTime.ofLocal(nine, ZoneId.of(ShiftingZone.ID), null).toInstant();

        ShiftingZone.change("2000b", ZoneOffset.ofHours(2));

        ZoneRulesStamp after = ZoneRulesStamp.current(ShiftingZone.ID);
        assertThat(after.version()).isEqualTo("2000b");
        assertThat(after.fingerprint()).isNotEqualTo(before.fingerprint());
        assertThat(ZonedDateTime.ofLocal(nine, ZoneId.of(ShiftingZone.ID), null).toInstant())
                .isEqualTo(beforeInstant.minusSeconds(3600));
    }

    @Test
    void instants_never_recorded_are_recomputed() {
        assertThat(ZoneRulesStamp.current("UTC").judge(Optional.empty())).isEqualTo(Verdict.RECOMPUTE);
    }

    @Test
    void the_same_rules_under_a_new_version_need_nothing() {
        ZoneRulesStamp now = ZoneRulesStamp.current("Europe/Berlin");
        var recorded = new ZoneRulesStamp("1999a", now.fingerprint());

        assertThat(now.judge(Optional.of(recorded))).isEqualTo(Verdict.SAME_RULES);
    }

    @Test
    void rules_that_changed_since_an_older_version_are_recomputed() {
        var now = new ZoneRulesStamp("2025a", "a".repeat(64));

        assertThat(now.judge(Optional.of(new ZoneRulesStamp("2022g", OTHER)))).isEqualTo(Verdict.RECOMPUTE);
    }

    @Test
    void instants_recorded_under_a_newer_version_are_left_alone() {
        var now = new ZoneRulesStamp("2024b", "a".repeat(64));

        assertThat(now.judge(Optional.of(new ZoneRulesStamp("2025a", OTHER))))
                .isEqualTo(Verdict.RECORDED_IS_NEWER);
    }

    @Test
    void a_stamp_refuses_an_empty_version_or_a_malformed_fingerprint() {
        assertThatThrownBy(() -> new ZoneRulesStamp("", OTHER)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ZoneRulesStamp("2025a", "XYZ")).isInstanceOf(IllegalArgumentException.class);
    }
}
