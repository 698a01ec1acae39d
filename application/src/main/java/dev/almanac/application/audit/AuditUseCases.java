package dev.almanac.application.audit;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.shared.Cursor;
import dev.almanac.application.shared.Page;
import dev.almanac.application.shared.PageLimit;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import dev.almanac.domain.security.RequestContext;
import java.time.Clock;
import java.util.Optional;

/** The audit use cases, wired to their ports. */
public record AuditUseCases(AuditTrailUseCase trail, RecordAccessDeniedUseCase accessDenied) {

    public static AuditUseCases wire(AuditTrail audit, IdGenerator ids, Clock clock) {
        var service = new AuditService(audit, new AuditEntries(ids, clock));
        return new AuditUseCases(service, service);
    }

    /** Reads an account's own trail, and records denials the HTTP adapter sees. */
    static final class AuditService implements AuditTrailUseCase, RecordAccessDeniedUseCase {
        private final AuditTrail audit;
        private final AuditEntries entries;

        AuditService(AuditTrail audit, AuditEntries entries) {
            this.audit = requireNonNull(audit, "audit");
            this.entries = requireNonNull(entries, "entries");
        }

        @Override
        public Page<AuditEntry> trail(Query query) {
            var limit = PageLimit.of(query.limit());
            String scope = "audit|" + query.actor();
            Optional<Cursor> after = query.cursor().map(token -> Cursor.decode(token, scope));
            return Page.ofOneMore(audit.of(query.actor(), after, limit.value() + 1), limit,
                    entry -> new Cursor(entry.at(), entry.id()), scope);
        }

        @Override
        public void denied(Optional<AccountId> actor, String route, RequestContext context) {
            audit.record(entries.entry(AuditEvent.ACCESS_DENIED, AuditOutcome.FAILURE, actor, context,
                    Optional.of(route)));
        }
    }
}
