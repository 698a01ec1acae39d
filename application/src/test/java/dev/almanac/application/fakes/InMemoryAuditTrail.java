package dev.almanac.application.fakes;

import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.shared.Cursor;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An {@link AuditTrail} in memory, held to the same contract as the PostgreSQL one. It cannot undo a change whose
 * entry fails to append; the PostgreSQL adapter's test covers that half of {@link #recordWith}.
 */
public final class InMemoryAuditTrail implements AuditTrail {
    private static final Comparator<AuditEntry> NEWEST_FIRST = Comparator.comparing(AuditEntry::at)
            .thenComparing(AuditEntry::id, InMemoryStore.UUID_ORDER).reversed();

    private final List<AuditEntry> entries = new ArrayList<>();

    @Override
    public synchronized void record(AuditEntry entry) {
        if (entries.stream().anyMatch(e -> e.id().equals(entry.id()))) {
            throw new IllegalStateException("audit entry " + entry.id() + " exists");
        }
        entries.add(entry);
    }

    @Override
    public <T> T recordWith(Supplier<T> change, Function<? super T, Optional<AuditEntry>> entryFor) {
        T result = change.get();
        entryFor.apply(result).ifPresent(this::record);
        return result;
    }

    @Override
    public synchronized List<AuditEntry> of(AccountId actor, Optional<Cursor> after, int limit) {
        return entries.stream()
                .filter(e -> e.actor().filter(actor::equals).isPresent())
                .filter(e -> after.map(c -> isAfter(e, c)).orElse(true))
                .sorted(NEWEST_FIRST)
                .limit(limit)
                .toList();
    }

    @Override
    public synchronized int forgetPersonalData(AccountId actor) {
        int changed = 0;
        for (int i = 0; i < entries.size(); i++) {
            AuditEntry entry = entries.get(i);
            if (entry.actor().filter(actor::equals).isPresent()) {
                entries.set(i, entry.withoutPersonalData());
                changed++;
            }
        }
        return changed;
    }

    /** Every entry, of every actor and none, in the order appended: for tests. */
    public synchronized List<AuditEntry> all() {
        return List.copyOf(entries);
    }

    /** Whether {@code entry} comes after the cursor in newest-first order. */
    private static boolean isAfter(AuditEntry entry, Cursor cursor) {
        int byTime = entry.at().compareTo(cursor.at());
        return byTime < 0 || byTime == 0 && InMemoryStore.UUID_ORDER.compare(entry.id(), cursor.id()) < 0;
    }
}
