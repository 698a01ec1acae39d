package dev.almanac.adapter.http;

import static java.util.Objects.requireNonNull;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import io.javalin.http.Context;
import io.javalin.http.Handler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Token buckets per (route limit, client address), in this replica's memory (docs/adr/0017). The buckets live in
 * a bounded cache: at most {@value #MAX_BUCKETS} of them, and one unused for longer than its limit's period (by
 * then it would be full again, so forgetting it changes nothing) is dropped. An address with many fresh addresses
 * to spend can push older buckets out early, which only hands those addresses a full bucket again; memory stays
 * bounded whatever arrives.
 *
 * <p>Time comes from the injected {@link Clock}, for Bucket4j and the cache alike, so tests move it instead of
 * sleeping.
 */
final class PerAddressRateLimiter {
    static final long MAX_BUCKETS = 100_000;

    private final TimeMeter time;
    private final Cache<Key, Bucket> buckets;

    private record Key(String limit, String address) {
    }

    PerAddressRateLimiter(Clock clock, Duration longestPeriod) {
        this(clock, longestPeriod, MAX_BUCKETS);
    }

    PerAddressRateLimiter(Clock clock, Duration longestPeriod, long maxBuckets) {
        requireNonNull(clock, "clock");
        this.time = new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                return nanos(clock.instant());
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxBuckets)
                .executor(Runnable::run)
                .expireAfterAccess(longestPeriod)
                .ticker(() -> nanos(clock.instant()))
                .build();
    }

    /** {@code handler}, preceded by a check of {@code limit} for the request's client address. */
    Handler guard(RateLimit limit, Handler handler) {
        requireNonNull(limit, "limit");
        requireNonNull(handler, "handler");
        return ctx -> {
            check(limit, ctx);
            handler.handle(ctx);
        };
    }

    /** @throws HttpProblem 429 {@code request.rate_limited} with the seconds to wait, when the bucket is empty */
    void check(RateLimit limit, Context ctx) {
        check(limit, ClientAddresses.of(ctx));
    }

    /** @throws HttpProblem 429 {@code request.rate_limited} when {@code address} has used up {@code limit} */
    void check(RateLimit limit, String address) {
        Bucket bucket = buckets.get(new Key(limit.name(), address), key -> newBucket(limit));
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (!probe.isConsumed()) {
            long seconds = Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
            throw HttpProblem.tooManyRequests(seconds, "Too many requests to this route from your address; "
                    + "retry in " + seconds + " s");
        }
    }

    /** How many buckets are held now (after pending evictions). */
    long buckets() {
        buckets.cleanUp();
        return buckets.estimatedSize();
    }

    private Bucket newBucket(RateLimit limit) {
        return Bucket.builder()
                .addLimit(l -> l.capacity(limit.requests()).refillGreedy(limit.requests(), limit.period()))
                .withCustomTimePrecision(time)
                .build();
    }

    private static long nanos(Instant at) {
        return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
    }
}
