package dev.almanac.domain.audit;

import static dev.almanac.domain.audit.AuditOutcome.FAILURE;
import static dev.almanac.domain.audit.AuditOutcome.SUCCESS;

import java.util.EnumSet;
import java.util.Set;

/**
 * Every kind of security event the audit trail records, each with its stable code (stored, and shown to the
 * account at {@code GET /v1/me/audit}) and the outcomes it can have. The vocabulary is complete ahead of the
 * features: an event whose feature is not built yet is simply never recorded.
 */
public enum AuditEvent {
    /** An account was opened. */
    SIGN_UP("account.sign_up", SUCCESS),
    /** An e-mail verification token was presented (failure: unknown, used or expired). */
    VERIFICATION("account.verification", SUCCESS, FAILURE),
    /** A new verification mail was asked for. */
    VERIFICATION_RESEND("account.verification_resend", SUCCESS),
    /** A password sign-in; a failure may have no actor (unknown e-mail address). */
    SIGN_IN("auth.sign_in", SUCCESS, FAILURE),
    /** Too many failed sign-ins: the account is locked for a while. */
    LOCK_ENGAGED("auth.lock_engaged", FAILURE),
    /** A refresh token was exchanged (failure: unknown, expired or revoked). */
    REFRESH("auth.refresh", SUCCESS, FAILURE),
    /** An already-exchanged refresh token came back: its whole family was revoked. */
    REFRESH_REUSE_DETECTED("auth.refresh_reuse_detected", FAILURE),
    /** A session was ended with its refresh token. */
    LOGOUT("auth.logout", SUCCESS),
    /** A session was revoked from the session list. */
    SESSION_REVOKED("session.revoked", SUCCESS),
    /** The password was changed (failure: the current password was wrong). */
    PASSWORD_CHANGE("account.password_change", SUCCESS, FAILURE),
    /** The e-mail address was changed (failure: the password was wrong). */
    EMAIL_CHANGE("account.email_change", SUCCESS, FAILURE),
    /** The account deleted itself (failure: the password was wrong). */
    ACCOUNT_DELETED("account.deleted", SUCCESS, FAILURE),
    /** The account was disabled. */
    ACCOUNT_DISABLED("account.disabled", SUCCESS),
    /** An API key was created. */
    API_KEY_CREATED("api_key.created", SUCCESS),
    /** An API key was revoked. */
    API_KEY_REVOKED("api_key.revoked", SUCCESS),
    /** A protected route answered 401 or 403. */
    ACCESS_DENIED("access.denied", FAILURE);

    private final String code;
    private final Set<AuditOutcome> outcomes;

    AuditEvent(String code, AuditOutcome first, AuditOutcome... rest) {
        this.code = code;
        this.outcomes = EnumSet.of(first, rest);
    }

    /** The stable name stored and shown to clients, e.g. {@code auth.sign_in}. */
    public String code() {
        return code;
    }

    /** Whether an entry of this event may have {@code outcome}. */
    public boolean allows(AuditOutcome outcome) {
        return outcomes.contains(outcome);
    }

    public static AuditEvent ofCode(String code) {
        for (AuditEvent event : values()) {
            if (event.code.equals(code)) {
                return event;
            }
        }
        throw new IllegalArgumentException("unknown audit event " + code);
    }
}
