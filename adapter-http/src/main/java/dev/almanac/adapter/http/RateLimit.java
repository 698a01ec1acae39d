package dev.almanac.adapter.http;

import static java.util.Objects.requireNonNull;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A per-client-address limit on one route: at most {@code requests} in any {@code period}, refilled smoothly (a
 * token bucket holding {@code requests} tokens that refills {@code requests} per {@code period}). Written
 * {@code 20/PT1M} in configuration.
 *
 * @param name a short name for the route, used in the 429 answer and to keep each route's buckets apart
 */
public record RateLimit(String name, long requests, Duration period) {
    private static final Pattern TEXT = Pattern.compile("([0-9]{1,9})/(P[0-9A-Z.]{2,30})");

    public RateLimit {
        requireNonNull(name, "name");
        requireNonNull(period, "period");
        if (requests < 1) {
            throw new IllegalArgumentException("a rate limit allows at least one request, was " + requests);
        }
        if (period.compareTo(Duration.ofSeconds(1)) < 0 || period.compareTo(Duration.ofDays(1)) > 0) {
            throw new IllegalArgumentException("a rate limit's period is between PT1S and P1D, was " + period);
        }
    }

    /**
     * Reads {@code <requests>/<ISO-8601 duration>}, e.g. {@code 20/PT1M}.
     *
     * @throws IllegalArgumentException for anything else
     */
    public static RateLimit parse(String name, String text) {
        Matcher m = TEXT.matcher(text);
        if (!m.matches()) {
            throw new IllegalArgumentException("a rate limit is <requests>/<ISO-8601 duration>, e.g. 20/PT1M");
        }
        try {
            return new RateLimit(name, Long.parseLong(m.group(1)), Duration.parse(m.group(2)));
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("a rate limit is <requests>/<ISO-8601 duration>, e.g. 20/PT1M");
        }
    }

    @Override
    public String toString() {
        return requests + "/" + period;
    }
}
