package dev.almanac.application.fakes;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.calendar.Calendar;
import dev.almanac.domain.calendar.CalendarId;
import dev.almanac.domain.event.Event;
import dev.almanac.domain.event.EventId;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The shared state behind the in-memory repositories, so that deleting a calendar can take its events with it
 * and events can see their calendar's zone, as the PostgreSQL adapter does with a foreign key and a join.
 * Every repository method locks the store, which makes each call one atomic "transaction".
 */
public final class InMemoryStore {
    /**
     * UUIDs in the order PostgreSQL sorts them: as 16 unsigned bytes. ({@link UUID#compareTo} compares the two
     * halves as signed numbers, which puts {@code 8...} before {@code 7...}.)
     */
    static final Comparator<UUID> UUID_ORDER = Comparator
            .comparing((UUID u) -> u.getMostSignificantBits(), Long::compareUnsigned)
            .thenComparing(UUID::getLeastSignificantBits, Long::compareUnsigned);

    final Map<AccountId, Account> accounts = new LinkedHashMap<>();
    final Map<CalendarId, Calendar> calendars = new LinkedHashMap<>();
    final Map<EventId, Event> events = new LinkedHashMap<>();
    final Map<SessionId, Session> sessions = new LinkedHashMap<>();
    /** Every refresh-token hash a session ever had, and whose it was. */
    final Map<SecretHash, SessionId> refreshTokens = new LinkedHashMap<>();
    /** The overrides of each series; an entry goes when its series goes (the foreign key's cascade). */
    final Map<EventId, java.util.List<dev.almanac.domain.event.OccurrenceOverride>> overrides = new LinkedHashMap<>();
    /** The UIDs imported events came under; an entry counts only while its event exists. */
    final Map<EventId, String> icalUids = new LinkedHashMap<>();

    public InMemoryAccounts accounts() {
        return new InMemoryAccounts(this);
    }

    public InMemoryCalendars calendars() {
        return new InMemoryCalendars(this);
    }

    /** Feeds by id; a calendar's feeds go with it. */
    final Map<java.util.UUID, dev.almanac.domain.calendar.Feed> feeds = new LinkedHashMap<>();

    public InMemoryFeeds feeds() {
        return new InMemoryFeeds(this);
    }

    public InMemoryEvents events() {
        return new InMemoryEvents(this);
    }

    public InMemorySessions sessions() {
        return new InMemorySessions(this);
    }

    /** API keys by id; an account's keys go with it. */
    final Map<dev.almanac.domain.apikey.ApiKeyId, dev.almanac.domain.apikey.ApiKey> apiKeys = new LinkedHashMap<>();

    /**
     * Makes an account unfindable while its sessions and keys stay: how an account that may no longer act looks
     * to the credential checks, which must then refuse its credentials.
     */
    public synchronized void hideAccount(AccountId id) {
        accounts.remove(id);
    }

    public InMemoryApiKeys apiKeys() {
        return new InMemoryApiKeys(this);
    }

    /** Verification tokens by hash; an account's go with it. */
    final Map<SecretHash, dev.almanac.domain.account.VerificationToken> verificationTokens = new LinkedHashMap<>();
    /** The mail outbox, oldest first. */
    final java.util.List<InMemoryMailOutbox.Entry> outbox = new java.util.ArrayList<>();

    /**
     * Marks an account's address verified, as redeeming the mailed token would: for use-case tests about
     * something else that needs a verified account.
     */
    public synchronized void verify(AccountId id) {
        accounts.computeIfPresent(id, (key, account) -> account.activate());
    }

    public InMemoryLifecycle lifecycle() {
        return new InMemoryLifecycle(this);
    }

    public InMemoryMailOutbox outbox() {
        return new InMemoryMailOutbox(this);
    }
}
