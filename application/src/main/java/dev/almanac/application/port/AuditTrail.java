package dev.almanac.application.port;

import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The append-only audit trail of security events. There is no way to change or remove an entry, except to forget
 * the personal data (address, user agent) of a deleted account's entries.
 *
 * <p>Two ways to append, chosen per event (see docs/adr/0016):
 * <ul>
 *   <li>{@link #record} writes on its own, at once and for good: for failures and denials, which must be kept
 *       although the request then fails;</li>
 *   <li>{@link #recordWith} writes in the same transaction as a change, so a success is recorded exactly when the
 *       change it describes commits, and neither exists without the other.</li>
 * </ul>
 */
public interface AuditTrail {

    /** Appends {@code entry} in a transaction of its own; it stays even if the caller then fails. */
    void record(AuditEntry entry);

    /**
     * Runs {@code change} (which uses other ports of the same store) and appends the entry {@code entryFor} derives
     * from its result, all in one transaction: if either fails, neither is kept. An empty entry records nothing.
     */
    <T> T recordWith(Supplier<T> change, Function<? super T, Optional<AuditEntry>> entryFor);

    /**
     * The entries whose actor is {@code actor}, newest first (by time, then id, both descending), starting after
     * {@code after}; at most {@code limit}.
     */
    List<AuditEntry> of(AccountId actor, Optional<Cursor> after, int limit);

    /**
     * Forgets the address, user agent and subject of every entry of {@code actor}, keeping what happened, when and
     * in which request (for when the account is deleted). Returns how many entries were changed.
     */
    int forgetPersonalData(AccountId actor);
}
