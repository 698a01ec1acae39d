package dev.almanac.domain.security;

import static java.util.Objects.requireNonNull;

/** What presenting a refresh token did to its session; each outcome carries the session's state to store. */
public sealed interface RefreshOutcome {

    Session session();

    /** The token was current: the session now expects the next one. */
    record Rotated(Session session) implements RefreshOutcome {
        public Rotated {
            requireNonNull(session, "session");
        }
    }

    /** The token had already been exchanged: the whole family is revoked. */
    record ReuseDetected(Session session) implements RefreshOutcome {
        public ReuseDetected {
            requireNonNull(session, "session");
        }
    }

    /** The session was already revoked or has expired: nothing changes. */
    record Refused(Session session) implements RefreshOutcome {
        public Refused {
            requireNonNull(session, "session");
        }
    }
}
