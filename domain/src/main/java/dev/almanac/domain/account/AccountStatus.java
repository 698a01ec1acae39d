package dev.almanac.domain.account;

import dev.almanac.domain.shared.ConflictException;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * Where an account stands, and the moves between (docs/adr/0012).
 *
 * <pre>
 *   PENDING_VERIFICATION --verify--&gt; ACTIVE
 *            \                          |
 *             +--------disable-------&gt; DISABLED (terminal)
 * </pre>
 *
 * A pending account has not yet proved it holds its e-mail address: it may sign in and keep its own calendars,
 * but not reach other people (see {@link Account#requireVerified()}). A disabled account can do nothing at all.
 * Staying put is a no-op, so a repeated request is harmless.
 */
public enum AccountStatus {
    PENDING_VERIFICATION, ACTIVE, DISABLED;

    private static final Map<AccountStatus, Set<AccountStatus>> NEXT = Map.of(
            PENDING_VERIFICATION, EnumSet.of(ACTIVE, DISABLED),
            ACTIVE, EnumSet.of(DISABLED),
            DISABLED, EnumSet.noneOf(AccountStatus.class));

    /** Whether a move from this status to {@code target} is allowed (staying put always is). */
    public boolean canMoveTo(AccountStatus target) {
        return this == target || NEXT.get(this).contains(target);
    }

    /**
     * Moves to {@code target}.
     *
     * @throws ConflictException {@code account.status.illegal_transition}, naming both states
     */
    public AccountStatus moveTo(AccountStatus target) {
        if (!canMoveTo(target)) {
            throw new ConflictException("account.status.illegal_transition",
                    "An account cannot move from " + this + " to " + target
                            + (this == DISABLED ? " (a disabled account stays disabled)" : ""));
        }
        return target;
    }
}
