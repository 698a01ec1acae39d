package dev.almanac.domain.shared;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneRulesProvider;

/** Parses IANA time-zone identifiers, and only those. */
public final class TimeZones {
    private TimeZones() {
    }

    /**
     * Resolves an IANA zone id such as {@code Europe/Berlin} or {@code UTC}. Raw offsets ({@code +02:00}),
     * prefixed offsets ({@code GMT+2}) and names the tz database does not hold ({@code PST}) are refused: they
     * carry no DST rules, and a calendar that stores them drifts twice a year.
     */
    public static ZoneId iana(String id, String field, String codePrefix) {
        if (id == null || id.isBlank()) {
            throw new RuleViolationException(field, codePrefix + ".missing", field + " must name an IANA time zone");
        }
        if (!ZoneRulesProvider.getAvailableZoneIds().contains(id)) {
            throw unknown(id, field, codePrefix);
        }
        try {
            ZoneId zone = ZoneId.of(id);
            if (zone instanceof ZoneOffset) {
                throw unknown(id, field, codePrefix);
            }
            return zone;
        } catch (DateTimeException e) {
            throw unknown(id, field, codePrefix);
        }
    }

    private static RuleViolationException unknown(String id, String field, String codePrefix) {
        String shown = id.length() > 64 ? id.substring(0, 64) + "…" : id;
        return new RuleViolationException(field, codePrefix + ".unknown",
                "'" + shown.replaceAll("\\p{Cntrl}", "?") + "' is not an IANA time zone (e.g. Europe/Berlin)");
    }
}
