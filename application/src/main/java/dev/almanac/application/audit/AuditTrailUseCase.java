package dev.almanac.application.audit;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.shared.Page;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import java.util.Optional;
import java.util.OptionalInt;

/** An account reads its own audit trail, newest first, a page at a time. */
public interface AuditTrailUseCase {

    /** @throws dev.almanac.domain.shared.RuleViolationException for a limit out of range or a foreign cursor */
    Page<AuditEntry> trail(Query query);

    /**
     * @param limit  1..500, default 100
     * @param cursor the {@code nextCursor} of the previous page
     */
    record Query(AccountId actor, OptionalInt limit, Optional<String> cursor) {
        public Query {
            requireNonNull(actor, "actor");
            requireNonNull(limit, "limit");
            requireNonNull(cursor, "cursor");
        }
    }
}
