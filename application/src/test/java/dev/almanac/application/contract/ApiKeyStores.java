package dev.almanac.application.contract;

import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.ApiKeyRepository;

/** The API-key store and the accounts it refers to, of one (empty) store, as their contract test receives them. */
public record ApiKeyStores(AccountRepository accounts, ApiKeyRepository apiKeys) {
}
