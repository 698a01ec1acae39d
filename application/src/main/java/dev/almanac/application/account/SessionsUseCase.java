package dev.almanac.application.account;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.Session;
import dev.almanac.domain.security.SessionId;
import java.util.List;

/** An account's own sessions: list the active ones, revoke one. */
public interface SessionsUseCase {

    /** The actor's active sessions, most recently used first. */
    List<Session> active(AccountId actor);

    /** @throws dev.almanac.domain.shared.NotFoundException {@code session.not_found}, also for another's session */
    void revoke(AccountId actor, SessionId session, RequestContext context);
}
