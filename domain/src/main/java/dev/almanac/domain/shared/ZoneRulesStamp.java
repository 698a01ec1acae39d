package dev.almanac.domain.shared;

import static java.util.Objects.requireNonNull;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Which rules of one time zone derived instants were computed with: the tz-data version that supplied them (as
 * {@link ZoneRulesProvider#getVersions} names it, e.g. {@code 2025a}) and a SHA-256 fingerprint of the rules
 * themselves. Wall time plus zone is the truth (ADR 0005); a stamp says whether the instants derived from it are
 * still what the running rules give. A new tz-data release changes the version of every zone but the rules of
 * only a few, so the fingerprint, not the version, decides.
 *
 * @param version     the tz-data version, 1..32 characters
 * @param fingerprint the SHA-256 of the serialised rules, 64 lower-case hex digits
 */
public record ZoneRulesStamp(String version, String fingerprint) {

    public ZoneRulesStamp {
        requireNonNull(version, "version");
        requireNonNull(fingerprint, "fingerprint");
        if (version.isEmpty() || version.length() > 32) {
            throw new IllegalArgumentException("a tz-data version has 1..32 characters: " + version);
        }
        if (!fingerprint.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("a rules fingerprint is 64 lower-case hex digits: " + fingerprint);
        }
    }

    /** What to do with the instants derived under a recorded stamp, given the running rules' stamp. */
    public enum Verdict {
        /** The rules are the same: nothing to recompute (the version may still be recorded anew). */
        SAME_RULES,
        /** Never recorded, or recorded under other, older rules: recompute from wall time, then record. */
        RECOMPUTE,
        /**
         * Recorded under a newer tz-data version than the running one (an old replica during a rolling upgrade):
         * leave the instants alone rather than move them back.
         */
        RECORDED_IS_NEWER
    }

    /** The stamp of the rules {@code zoneId} has in this JVM now. */
    public static ZoneRulesStamp current(String zoneId) {
        Map.Entry<String, ZoneRules> latest = ZoneRulesProvider.getVersions(zoneId).lastEntry();
        return new ZoneRulesStamp(latest.getKey(), fingerprint(latest.getValue()));
    }

    /** The stamps of every zone this JVM knows, by zone id, in id order. */
    public static Map<String, ZoneRulesStamp> currentForAll() {
        Map<String, ZoneRulesStamp> out = new TreeMap<>();
        for (String zone : ZoneRulesProvider.getAvailableZoneIds()) {
            out.put(zone, current(zone));
        }
        return out;
    }

    /**
     * Judges the instants derived under {@code recorded} (empty: never recorded, so the rules they were derived
     * with are unknown) against this, the running rules' stamp. Versions compare as text, which orders the tz
     * database's {@code 2022g < 2023a < 2025a}.
     */
    public Verdict judge(Optional<ZoneRulesStamp> recorded) {
        requireNonNull(recorded, "recorded");
        if (recorded.isEmpty()) {
            return Verdict.RECOMPUTE;
        }
        if (recorded.get().fingerprint.equals(fingerprint)) {
            return Verdict.SAME_RULES;
        }
        return recorded.get().version.compareTo(version) > 0 ? Verdict.RECORDED_IS_NEWER : Verdict.RECOMPUTE;
    }

    /**
     * The SHA-256 of the rules' serialised form, which holds every transition and every yearly rule: equal
     * rules give equal fingerprints on every JVM, and any change to an offset or a transition changes it.
     */
    static String fingerprint(ZoneRules rules) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new ObjectOutputStream(bytes)) {
            out.writeObject(rules);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
