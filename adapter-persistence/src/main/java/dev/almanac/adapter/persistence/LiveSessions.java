package dev.almanac.adapter.persistence;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jdbi.v3.core.Handle;

/**
 * The sessions this replica found alive, so an authenticated request need not ask the database again (ADR 0028).
 * Only "alive" is remembered, with the session's account and expiry; "not alive" always comes from the database.
 *
 * <p>An answer may be used only while it is <em>trusted</em>: while the {@link SessionEndListener} is connected
 * and has proven, by a probe sent through the pool and received on its own connection, that PostgreSQL's
 * notifications reach it. Losing that trust forgets everything and stops remembering until it is proven again.
 * Every session that ends is then forgotten as its notification arrives ({@link #ended}); what this replica ends
 * itself it forgets before answering ({@link #forgetAll} after the commit), so its own client never sees the old
 * answer.
 *
 * <p>A race this class closes: a request reads "alive" from the database, the session ends and its notification
 * is handled, and only then does the request remember its (stale) answer. {@link #remember} takes the
 * {@link #generation()} read before the query, and every forgetting bumps it; an answer older than the latest
 * forgetting is dropped.
 */
final class LiveSessions {
    /** A backstop only: a lost notification is caught by the probe, but no answer is ever used longer than this. */
    static final Duration MAX_AGE = Duration.ofSeconds(30);
    static final long MAX_ENTRIES = 100_000;

    private record Alive(UUID account, Instant expiresAt) {
    }

    private final Cache<UUID, Alive> alive;
    private final AtomicLong generation = new AtomicLong();
    private final boolean enabled;
    private volatile boolean trusted;

    private LiveSessions(boolean enabled) {
        this.enabled = enabled;
        this.alive = Caffeine.newBuilder().maximumSize(MAX_ENTRIES).expireAfterWrite(MAX_AGE).build();
    }

    /** Remembers nothing: every check asks the database (ALMANAC_SESSION_CACHE=off, or a borrowed data source). */
    static LiveSessions disabled() {
        return new LiveSessions(false);
    }

    /** Remembers once trusted. */
    static LiveSessions enabled() {
        return new LiveSessions(true);
    }

    /** Whether the session is known to be alive, for this account, at {@code now}. */
    boolean knownAlive(UUID session, UUID account, Instant now) {
        if (!trusted) {
            return false;
        }
        Alive known = alive.getIfPresent(session);
        return known != null && known.account().equals(account) && now.isBefore(known.expiresAt());
    }

    /** To be read before asking the database, and handed to {@link #remember}. */
    long generation() {
        return generation.get();
    }

    /**
     * Remembers a session the database found alive, unless something was forgotten since {@code seen} (the
     * {@link #generation()} read before the query) or the answers are not trusted.
     */
    void remember(UUID session, UUID account, Instant expiresAt, long seen) {
        if (!trusted || generation.get() != seen) {
            return;
        }
        alive.put(session, new Alive(account, expiresAt));
        // A forgetting that ran between the check above and the put bumped the generation first.
        if (!trusted || generation.get() != seen) {
            alive.invalidate(session);
        }
    }

    /** A session ended (revoked, expired early, deleted): forget it. */
    void ended(UUID session) {
        generation.incrementAndGet();
        alive.invalidate(session);
    }

    /** Forget every session: after this replica ended some, or when the whole table was emptied. */
    void forgetAll() {
        generation.incrementAndGet();
        alive.invalidateAll();
    }

    /** Notifications are proven to arrive: start remembering, from nothing. */
    void trust() {
        if (!enabled) {
            return;
        }
        forgetAll();
        trusted = true;
    }

    /** Notifications may be lost: forget everything and stop remembering. */
    void distrust() {
        trusted = false;
        forgetAll();
    }

    boolean trusted() {
        return trusted;
    }

    /**
     * For a repository that ends sessions: runs {@code forget} now, and again when the transaction {@code handle}
     * is in commits (use cases run these inside the audit trail's transaction); at once only when it is in none,
     * since its statements have committed already. Forgetting only before the commit would let a concurrent check
     * read the still-uncommitted session as alive and remember it.
     */
    void forgetNowAndAtCommit(Handle handle, Runnable forget) {
        forget.run();
        if (handle.isInTransaction()) {
            handle.afterCommit(forget);
        }
    }

    /** Runs a change that may end sessions; one that fails may still have committed, so then all is forgotten. */
    <T> T forgettingAllIfItFails(Supplier<T> change) {
        try {
            return change.get();
        } catch (RuntimeException | Error e) {
            forgetAll();
            throw e;
        }
    }
}
