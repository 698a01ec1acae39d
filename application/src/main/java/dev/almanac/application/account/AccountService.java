package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.LoginThrottles;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.LoginThrottle;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * Sign-in and "who am I"; sign-up belongs to the lifecycle ({@link LifecycleService}). Orchestrates; the rules live
 * in the domain values.
 */
final class AccountService implements AuthenticateUseCase, SignInUseCase, IdentifyCallerUseCase, GetAccountUseCase {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final AccessTokens tokens;
    private final Clock clock;
    /** Checked against when the e-mail is unknown, so both failures cost one hash and look alike. */
    private final PasswordHash decoy;

    private final SessionService sessions;
    private final LoginThrottles throttles;

    AccountService(AccountPorts ports, SessionService sessions) {
        this.accounts = ports.accounts();
        this.hasher = ports.hasher();
        this.tokens = ports.tokens();
        this.clock = ports.clock();
        this.sessions = requireNonNull(sessions, "sessions");
        this.throttles = ports.throttles();
        this.decoy = hasher.hash("decoy password that no account has " + ports.ids().next());
    }

    @Override
    public AccountId authenticate(AuthenticateUseCase.Command command) {
        Optional<Account> found;
        try {
            found = accounts.byEmail(EmailAddress.of(command.email()));
        } catch (RuleViolationException malformed) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            hasher.verify(command.password(), decoy);
            throw invalidCredentials();
        }
        Account account = found.get();
        Instant now = clock.instant();
        LoginThrottle.Attempt attempt = throttles.attempt(account.id(), now, throttle -> throttle.begin(now));
        if (!attempt.allowed()) {
            // Locked: the same answer as a wrong password, after the same amount of work.
            hasher.verify(command.password(), decoy);
            throw invalidCredentials();
        }
        if (!hasher.verify(command.password(), account.passwordHash())) {
            throw invalidCredentials();
        }
        throttles.reset(account.id(), now);
        if (!account.canAuthenticate()) {
            // Only after the right password, so this tells nothing to someone guessing.
            throw new AuthenticationException("auth.account_disabled",
                    "This account has been disabled by an operator");
        }
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.changePasswordHash(account.id(), hasher.hash(command.password()));
        }
        return account.id();
    }

    @Override
    public SignedIn signIn(AuthenticateUseCase.Command command, Client client) {
        requireNonNull(client, "client");
        return sessions.start(authenticate(command), client);
    }

    @Override
    public AccountId identify(String bearerToken) {
        return tokens.verify(bearerToken, clock.instant())
                .filter(id -> accounts.byId(id).filter(Account::canAuthenticate).isPresent())
                .orElseThrow(() -> new AuthenticationException("auth.token_invalid",
                        "The access token is missing, malformed, expired or revoked; sign in again"));
    }

    @Override
    public Account get(AccountId actor) {
        return accounts.byId(actor)
                .orElseThrow(() -> new NotFoundException("account.not_found", "No such account"));
    }

    private static AuthenticationException invalidCredentials() {
        return new AuthenticationException("auth.invalid_credentials", "The e-mail address or password is wrong");
    }
}
