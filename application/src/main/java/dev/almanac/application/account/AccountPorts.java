package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.ApiKeyRepository;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.port.LoginThrottles;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.application.port.Secrets;
import dev.almanac.application.port.SessionRepository;
import dev.almanac.domain.account.PasswordBlocklist;
import java.time.Clock;

/** The driven ports the account use cases need, in one place so wiring them stays readable. */
public record AccountPorts(AccountRepository accounts, SessionRepository sessions, ApiKeyRepository apiKeys,
                           LoginThrottles throttles,
                           PasswordHasher hasher, PasswordBlocklist blocklist, AccessTokens tokens, Secrets secrets,
                           IdGenerator ids, Clock clock, AuditTrail audit) {
    public AccountPorts {
        requireNonNull(accounts, "accounts");
        requireNonNull(sessions, "sessions");
        requireNonNull(apiKeys, "apiKeys");
        requireNonNull(throttles, "throttles");
        requireNonNull(hasher, "hasher");
        requireNonNull(blocklist, "blocklist");
        requireNonNull(tokens, "tokens");
        requireNonNull(secrets, "secrets");
        requireNonNull(ids, "ids");
        requireNonNull(clock, "clock");
        requireNonNull(audit, "audit");
    }
}
