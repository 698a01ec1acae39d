package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.port.LoginThrottles;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.account.PasswordBlocklist;
import dev.almanac.domain.account.PasswordPolicy;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.LoginThrottle;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Sign-up, sign-in and "who am I". Orchestrates; the rules live in the domain values. */
final class AccountService implements RegisterAccountUseCase, AuthenticateUseCase, SignInUseCase,
        IdentifyCallerUseCase, GetAccountUseCase {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final AccessTokens tokens;
    private final IdGenerator ids;
    private final Clock clock;
    /**
     * Checked against when the e-mail is unknown, so both failures cost one hash and look alike. Made on a
     * background thread at construction (an Argon2id hash is a good part of start-up); the first sign-in that
     * needs it waits for it.
     */
    private final CompletableFuture<PasswordHash> decoy;

    private final SessionService sessions;
    private final LoginThrottles throttles;

    AccountService(AccountPorts ports, SessionService sessions) {
        this.accounts = ports.accounts();
        this.hasher = ports.hasher();
        this.blocklist = ports.blocklist();
        this.tokens = ports.tokens();
        this.ids = ports.ids();
        this.clock = ports.clock();
        this.sessions = requireNonNull(sessions, "sessions");
        this.throttles = ports.throttles();
        String decoyPassword = "decoy password that no account has " + ids.next();
        this.decoy = CompletableFuture.supplyAsync(() -> hasher.hash(decoyPassword));
    }

    @Override
    public Account register(RegisterAccountUseCase.Command command) {
        List<Violation> violations = new ArrayList<>();
        EmailAddress email = collect(violations, () -> EmailAddress.of(command.email()));
        DisplayName name = collect(violations, () -> new DisplayName(command.displayName()));
        collect(violations, () -> PasswordPolicy.check(command.password(), blocklist));
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations.get(0).code(), "The account cannot be opened as given",
                    violations);
        }
        Account account = Account.register(new AccountId(ids.next()), email, name, hasher.hash(command.password()),
                clock.instant());
        accounts.add(account);
        return account;
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
            hasher.verify(command.password(), decoy.join());
            throw invalidCredentials();
        }
        Account account = found.get();
        Instant now = clock.instant();
        LoginThrottle.Attempt attempt = throttles.attempt(account.id(), now, throttle -> throttle.begin(now));
        if (!attempt.allowed()) {
            // Locked: the same answer as a wrong password, after the same amount of work.
            hasher.verify(command.password(), decoy.join());
            throw invalidCredentials();
        }
        if (!hasher.verify(command.password(), account.passwordHash())) {
            throw invalidCredentials();
        }
        throttles.reset(account.id(), now);
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
                .filter(id -> accounts.byId(id).isPresent())
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

    private static <T> T collect(List<Violation> violations, java.util.function.Supplier<T> check) {
        try {
            return check.get();
        } catch (RuleViolationException e) {
            violations.addAll(e.violations());
            return null;
        }
    }
}
