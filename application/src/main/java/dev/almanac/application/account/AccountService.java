package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.audit.AuditEntries;
import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.AuditTrail;
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
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.security.LoginThrottle;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sign-up, sign-in and "who am I". Orchestrates; the rules live in the domain values. A sign-up and a successful
 * sign-in are audited in the transaction that makes them; a failed sign-in (and the lock it may engage) is audited
 * on its own, so the entry stays although the request fails.
 */
final class AccountService implements RegisterAccountUseCase, AuthenticateUseCase, SignInUseCase,
        IdentifyCallerUseCase, GetAccountUseCase {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final AccessTokens tokens;
    private final IdGenerator ids;
    private final Clock clock;
    /** Checked against when the e-mail is unknown, so both failures cost one hash and look alike. */
    private final PasswordHash decoy;

    private final SessionService sessions;
    private final LoginThrottles throttles;
    private final AuditTrail audit;
    private final AuditEntries entries;

    AccountService(AccountPorts ports, SessionService sessions) {
        this.accounts = ports.accounts();
        this.hasher = ports.hasher();
        this.blocklist = ports.blocklist();
        this.tokens = ports.tokens();
        this.ids = ports.ids();
        this.clock = ports.clock();
        this.sessions = requireNonNull(sessions, "sessions");
        this.throttles = ports.throttles();
        this.audit = ports.audit();
        this.entries = new AuditEntries(ids, clock);
        this.decoy = hasher.hash("decoy password that no account has " + ids.next());
    }

    @Override
    public Account register(RegisterAccountUseCase.Command command, RequestContext context) {
        requireNonNull(context, "context");
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
        return audit.recordWith(() -> {
            accounts.add(account);
            return account;
        }, added -> Optional.of(entries.success(AuditEvent.SIGN_UP, added.id(), context)));
    }

    @Override
    public AccountId authenticate(AuthenticateUseCase.Command command) {
        Check check = check(command);
        return check.verified().orElseThrow(AccountService::invalidCredentials);
    }

    @Override
    public SignedIn signIn(AuthenticateUseCase.Command command, RequestContext context) {
        requireNonNull(context, "context");
        Check check = check(command);
        if (check.verified().isEmpty()) {
            if (check.lockedNow()) {
                audit.record(entries.failure(AuditEvent.LOCK_ENGAGED, check.account(), context));
            }
            audit.record(entries.failure(AuditEvent.SIGN_IN, check.account(), context));
            throw invalidCredentials();
        }
        AccountId account = check.verified().get();
        return audit.recordWith(() -> sessions.start(account, context.client()),
                signedIn -> Optional.of(entries.success(AuditEvent.SIGN_IN, account, context, signedIn.session())));
    }

    /**
     * The outcome of checking a password: the account when it could be named, the account again when the password
     * was right, and whether this attempt engaged the lock.
     */
    private record Check(Optional<AccountId> account, Optional<AccountId> verified, boolean lockedNow) {
        static Check failed(Optional<AccountId> account, boolean lockedNow) {
            return new Check(account, Optional.empty(), lockedNow);
        }
    }

    private Check check(AuthenticateUseCase.Command command) {
        Optional<Account> found;
        try {
            found = accounts.byEmail(EmailAddress.of(command.email()));
        } catch (RuleViolationException malformed) {
            found = Optional.empty();
        }
        if (found.isEmpty()) {
            hasher.verify(command.password(), decoy);
            return Check.failed(Optional.empty(), false);
        }
        Account account = found.get();
        Optional<AccountId> named = Optional.of(account.id());
        Instant now = clock.instant();
        LoginThrottle.Attempt attempt = throttles.attempt(account.id(), now, throttle -> throttle.begin(now));
        if (!attempt.allowed()) {
            // Locked: the same answer as a wrong password, after the same amount of work.
            hasher.verify(command.password(), decoy);
            return Check.failed(named, attempt.lockedNow());
        }
        if (!hasher.verify(command.password(), account.passwordHash())) {
            return Check.failed(named, attempt.lockedNow());
        }
        throttles.reset(account.id(), now);
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.changePasswordHash(account.id(), hasher.hash(command.password()));
        }
        return new Check(named, named, false);
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
