package dev.almanac.domain.audit;

/** Whether the attempt an audit entry records went through. */
public enum AuditOutcome {
    SUCCESS("success"),
    FAILURE("failure");

    private final String code;

    AuditOutcome(String code) {
        this.code = code;
    }

    /** The stable name stored and shown to clients. */
    public String code() {
        return code;
    }

    public static AuditOutcome ofCode(String code) {
        for (AuditOutcome outcome : values()) {
            if (outcome.code.equals(code)) {
                return outcome;
            }
        }
        throw new IllegalArgumentException("unknown audit outcome " + code);
    }
}
