package dev.almanac.application.audit;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RequestContext;
import java.util.Optional;

/** Records that a protected route refused a request (401 or 403), whether or not the caller could be named. */
public interface RecordAccessDeniedUseCase {

    /**
     * @param actor the authenticated caller when the refusal was a 403; empty for a 401
     * @param route the route template, e.g. {@code GET /v1/calendars/{calendarId}}; never the concrete path
     */
    void denied(Optional<AccountId> actor, String route, RequestContext context);
}
