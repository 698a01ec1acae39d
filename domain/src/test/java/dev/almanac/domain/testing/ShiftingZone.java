package dev.almanac.domain.testing;

import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.time.zone.ZoneRulesProvider;
import java.util.NavigableMap;
import java.util.Set;
import java.util.TreeMap;

/**
 * A time zone whose rules a test can change, to simulate a tz-data release that changes a zone (as Mexico's
 * abolition of DST did in 2022) without a second JDK. The zone {@value #ID} is served by its own
 * {@link ZoneRulesProvider}, registered once per JVM; its rules are a fixed offset, {@code +01:00} under version
 * {@code 2000a} until a test calls {@link #change}. The provider never lets a {@code ZoneId} cache the rules, so
 * every derivation sees the current ones, as a restarted service would.
 */
public final class ShiftingZone extends ZoneRulesProvider {
    public static final String ID = "Almanac/Shifting";

    private static volatile String version = "2000a";
    private static volatile ZoneRules rules = ZoneRules.of(ZoneOffset.ofHours(1));
    private static boolean registered;

    private ShiftingZone() {
    }

    /** Registers the zone (once per JVM) and resets it to {@code +01:00} under version {@code 2000a}. */
    public static synchronized String install() {
        if (!registered) {
            ZoneRulesProvider.registerProvider(new ShiftingZone());
            registered = true;
        }
        change("2000a", ZoneOffset.ofHours(1));
        return ID;
    }

    /** From now on the zone is at {@code offset} all year, as tz-data version {@code newVersion} says. */
    public static void change(String newVersion, ZoneOffset offset) {
        rules = ZoneRules.of(offset);
        version = newVersion;
    }

    @Override
    protected Set<String> provideZoneIds() {
        return Set.of(ID);
    }

    @Override
    protected ZoneRules provideRules(String zoneId, boolean forCaching) {
        return forCaching ? null : rules;
    }

    @Override
    protected NavigableMap<String, ZoneRules> provideVersions(String zoneId) {
        var versions = new TreeMap<String, ZoneRules>();
        versions.put(version, rules);
        return versions;
    }
}
