package dev.almanac.application.contract;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.SessionRepository;
import dev.almanac.application.port.SigningKeyStore;

/** The account-security stores of one (empty) store, as their contract tests receive them. */
public record SecurityStores(AccountRepository accounts, SessionRepository sessions, SigningKeyStore signingKeys) {
}
