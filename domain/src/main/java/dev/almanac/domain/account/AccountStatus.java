package dev.almanac.domain.account;

/**
 * Where an account stands. Only {@link #ACTIVE} exists for now; a verification lifecycle arrives with the
 * account-security work, which will turn this into a state machine of its own.
 */
public enum AccountStatus {
    ACTIVE
}
