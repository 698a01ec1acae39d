package dev.almanac.application.audit;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.IdGenerator;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.audit.AuditEntry;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.audit.AuditOutcome;
import dev.almanac.domain.security.RequestContext;
import java.time.Clock;
import java.util.Optional;

/** Makes audit entries stamped with a new id and the injected clock's time, for the services that record them. */
public final class AuditEntries {
    private final IdGenerator ids;
    private final Clock clock;

    public AuditEntries(IdGenerator ids, Clock clock) {
        this.ids = requireNonNull(ids, "ids");
        this.clock = requireNonNull(clock, "clock");
    }

    /** What {@code actor} did, successfully, in the request {@code context}. */
    public AuditEntry success(AuditEvent event, AccountId actor, RequestContext context) {
        return entry(event, AuditOutcome.SUCCESS, Optional.of(actor), context, Optional.empty());
    }

    /** What {@code actor} did, successfully, to {@code subject} (the id of a session, a key...). */
    public AuditEntry success(AuditEvent event, AccountId actor, RequestContext context, Object subject) {
        return entry(event, AuditOutcome.SUCCESS, Optional.of(actor), context, Optional.of(subject.toString()));
    }

    /** A failed attempt, naming the account when it is known. */
    public AuditEntry failure(AuditEvent event, Optional<AccountId> actor, RequestContext context) {
        return entry(event, AuditOutcome.FAILURE, actor, context, Optional.empty());
    }

    public AuditEntry entry(AuditEvent event, AuditOutcome outcome, Optional<AccountId> actor,
                            RequestContext context, Optional<String> subject) {
        return AuditEntry.of(ids.next(), event, outcome, actor, clock.instant(), context, subject);
    }
}
