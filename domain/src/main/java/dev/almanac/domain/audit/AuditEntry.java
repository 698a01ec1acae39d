package dev.almanac.domain.audit;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.RequestId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One line of the audit trail: what happened ({@link AuditEvent}, {@link AuditOutcome}), to whose account (absent
 * when nobody could be named, e.g. a sign-in with an unknown address), when, from where ({@link Client}), in which
 * request, and on what ({@code subject}: the id of a session, key, or the route template of a denied request).
 *
 * <p>An entry holds no secret and no free text from the client: the subject is an id or route template of at most
 * {@value #MAX_SUBJECT} printable ASCII characters, and the attempted e-mail address of a failed sign-in is not
 * kept (people type passwords into the e-mail field).
 */
public record AuditEntry(UUID id, AuditEvent event, AuditOutcome outcome, Optional<AccountId> actor, Instant at,
                         Client client, RequestId requestId, Optional<String> subject) {
    public static final int MAX_SUBJECT = 200;
    private static final Pattern SUBJECT = Pattern.compile("[\\x21-\\x7E]+( [\\x21-\\x7E]+)?");

    public AuditEntry {
        requireNonNull(id, "id");
        requireNonNull(event, "event");
        requireNonNull(outcome, "outcome");
        requireNonNull(actor, "actor");
        requireNonNull(at, "at");
        requireNonNull(client, "client");
        requireNonNull(requestId, "requestId");
        requireNonNull(subject, "subject");
        if (!event.allows(outcome)) {
            throw new IllegalArgumentException(event + " cannot have outcome " + outcome);
        }
        subject.ifPresent(s -> {
            if (s.length() > MAX_SUBJECT || !SUBJECT.matcher(s).matches()) {
                throw new IllegalArgumentException("an audit subject is an id or route, 1.." + MAX_SUBJECT
                        + " printable ASCII characters");
            }
        });
    }

    /** A new entry for something that happened in the request {@code context}. */
    public static AuditEntry of(UUID id, AuditEvent event, AuditOutcome outcome, Optional<AccountId> actor,
                                Instant at, RequestContext context, Optional<String> subject) {
        return new AuditEntry(id, event, outcome, actor, at, context.client(), context.requestId(), subject);
    }

    /**
     * This entry with its client's address and user agent, and its subject (the id of a session or key of the
     * account, say), forgotten: after the account was deleted, only what happened, when and in which request stay.
     */
    public AuditEntry withoutPersonalData() {
        return new AuditEntry(id, event, outcome, actor, at, Client.UNKNOWN, requestId, Optional.empty());
    }
}
