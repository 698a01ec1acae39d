package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.audit.AuditEntries;
import dev.almanac.application.port.AccessTokens;
import dev.almanac.application.port.AccessTokens.Subject;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.port.LoginThrottles;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.application.port.SessionRepository;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordBlocklist;
import dev.almanac.domain.account.PasswordHash;
import dev.almanac.domain.account.PasswordPolicy;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.security.Client;
import dev.almanac.domain.security.LoginThrottle;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Sign-in, "who am I", password change and self-service deletion; sign-up belongs to the lifecycle
 * ({@link LifecycleService}). Orchestrates; the rules live in the domain values. A successful sign-in is audited in
 * the transaction that makes its session; a failed sign-in (and the lock it may engage) is audited on its own, so
 * the entry stays although the request fails.
 */
final class AccountService implements AuthenticateUseCase, SignInUseCase, IdentifyCallerUseCase, GetAccountUseCase,
        ChangePasswordUseCase, DeleteAccountUseCase {

    private final AccountRepository accounts;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final AccessTokens tokens;
    private final Clock clock;
    /**
     * Checked against when the e-mail is unknown or the account locked, so those failures cost one hash like a real
     * check and look alike. Made by {@link #prepareDecoy} on a thread of its own, which the service calls once it
     * serves: on two cores, making it during start-up cost about a tenth of a second of the start (ADR 0034). If
     * nobody prepared it, the first check that needs it makes it; a check that needs it while it is being made
     * waits for it.
     */
    private final AtomicReference<CompletableFuture<PasswordHash>> decoy = new AtomicReference<>();
    private final String decoyPassword;

    private final SessionService sessions;
    private final SessionRepository sessionStore;
    private final LoginThrottles throttles;
    private final AuditTrail audit;
    private final AuditEntries entries;

    AccountService(AccountPorts ports, SessionService sessions) {
        this.accounts = ports.accounts();
        this.hasher = ports.hasher();
        this.blocklist = ports.blocklist();
        this.tokens = ports.tokens();
        this.clock = ports.clock();
        this.sessions = requireNonNull(sessions, "sessions");
        this.sessionStore = ports.sessions();
        this.throttles = ports.throttles();
        this.audit = ports.audit();
        this.entries = new AuditEntries(ports.ids(), clock);
        this.decoyPassword = "decoy password that no account has " + ports.ids().next();
    }

    /** Starts making the decoy hash on a thread of its own, unless it is made or being made. */
    void prepareDecoy() {
        decoy(task -> {
            Thread maker = new Thread(task, "almanac-decoy-hash");
            maker.setDaemon(true);
            maker.start();
        });
    }

    /** The decoy hash; made here and now if nobody has started it. */
    private PasswordHash decoy() {
        return decoy(Runnable::run).join();
    }

    /**
     * The decoy being made or made, else one started with {@code maker}. One that failed is forgotten, so the next
     * check tries again instead of failing for the life of the process.
     */
    private CompletableFuture<PasswordHash> decoy(Executor maker) {
        while (true) {
            CompletableFuture<PasswordHash> current = decoy.get();
            if (current != null) {
                return current;
            }
            var made = new CompletableFuture<PasswordHash>();
            if (decoy.compareAndSet(null, made)) {
                maker.execute(() -> {
                    try {
                        made.complete(hasher.hash(decoyPassword));
                    } catch (RuntimeException | Error e) {
                        decoy.compareAndSet(made, null);
                        made.completeExceptionally(e);
                    }
                });
                return made;
            }
        }
    }

    @Override
    public AccountId authenticate(AuthenticateUseCase.Command command) {
        Check check = check(command);
        if (check.disabled()) {
            throw accountDisabled();
        }
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
            throw check.disabled() ? accountDisabled() : invalidCredentials();
        }
        AccountId account = check.verified().get();
        return audit.recordWith(() -> sessions.start(account, context.client()),
                signedIn -> Optional.of(entries.success(AuditEvent.SIGN_IN, account, context, signedIn.session())));
    }

    /**
     * The outcome of checking a password: the account when it could be named, the account again when the password
     * was right (and the account may act), whether this attempt engaged the lock, and whether the password was
     * right but the account is disabled.
     */
    private record Check(Optional<AccountId> account, Optional<AccountId> verified, boolean lockedNow,
                         boolean disabled) {
        static Check failed(Optional<AccountId> account, boolean lockedNow) {
            return new Check(account, Optional.empty(), lockedNow, false);
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
            hasher.verify(command.password(), decoy());
            return Check.failed(Optional.empty(), false);
        }
        Account account = found.get();
        Optional<AccountId> named = Optional.of(account.id());
        PasswordCheck password = passwordCheck(account, command.password());
        if (!password.matches()) {
            return Check.failed(named, password.lockedNow());
        }
        if (!account.canAuthenticate()) {
            // Only after the right password, so this tells nothing to someone guessing.
            return new Check(named, Optional.empty(), false, true);
        }
        if (hasher.needsRehash(account.passwordHash())) {
            accounts.changePasswordHash(account.id(), hasher.hash(command.password()));
        }
        return new Check(named, named, false, false);
    }

    @Override
    public Subject identify(String bearerToken) {
        Instant now = clock.instant();
        return tokens.verify(bearerToken, now)
                .filter(subject -> sessionStore.isLive(subject.session(), subject.account(), now))
                .orElseThrow(AccountService::tokenInvalid);
    }

    @Override
    public void changePassword(ChangePasswordUseCase.Command command, RequestContext context) {
        requireNonNull(context, "context");
        List<Violation> violations = new ArrayList<>();
        collect(violations, () -> plausiblePassword("currentPassword", command.currentPassword()));
        collect(violations, () -> {
            try {
                return PasswordPolicy.check(command.newPassword(), blocklist);
            } catch (RuleViolationException e) {
                throw e.atField("newPassword");
            }
        });
        if (violations.isEmpty() && PasswordPolicy.same(command.newPassword(), command.currentPassword())) {
            violations.add(new Violation("newPassword", "account.password.unchanged",
                    "newPassword must differ from the current password"));
        }
        if (!violations.isEmpty()) {
            throw new RuleViolationException(violations.get(0).code(), "The password cannot be changed as given",
                    violations);
        }
        Account account = caller(command.actor());
        requirePassword(account, command.currentPassword(), AuditEvent.PASSWORD_CHANGE, context);
        // One transaction: a sign-in racing with the change either used the old password before the hash changed
        // (and its session is revoked with the others) or meets the new hash and fails. The entry joins it.
        PasswordHash newHash = hasher.hash(command.newPassword());
        audit.recordWith(() -> {
            accounts.changePassword(account.id(), newHash, Optional.of(command.session()), clock.instant());
            return account.id();
        }, changed -> Optional.of(entries.success(AuditEvent.PASSWORD_CHANGE, changed, context)));
    }

    @Override
    public void delete(DeleteAccountUseCase.Command command, RequestContext context) {
        requireNonNull(context, "context");
        plausiblePassword("password", command.password());
        Account account = caller(command.actor());
        requirePassword(account, command.password(), AuditEvent.ACCOUNT_DELETED, context);
        // The trail outlives the account (ADR 0016): in the deletion's own transaction its entries forget the
        // address and user agent, and the deletion's entry is written without them from the start.
        RequestContext anonymous = new RequestContext(Client.UNKNOWN, context.requestId());
        audit.recordWith(() -> {
            accounts.delete(account.id());
            audit.forgetPersonalData(account.id());
            return account.id();
        }, deleted -> Optional.of(entries.success(AuditEvent.ACCOUNT_DELETED, deleted, anonymous)));
    }

    /**
     * Checks the caller's password before a change that needs it; a wrong one (or a locked account) is audited as
     * a failure of {@code event}, with the lock when this check engaged it, and refused.
     */
    private void requirePassword(Account account, String password, AuditEvent event, RequestContext context) {
        PasswordCheck check = passwordCheck(account, password);
        if (!check.matches()) {
            if (check.lockedNow()) {
                audit.record(entries.failure(AuditEvent.LOCK_ENGAGED, Optional.of(account.id()), context));
            }
            audit.record(entries.failure(event, Optional.of(account.id()), context));
            throw wrongPassword();
        }
    }

    @Override
    public Account get(AccountId actor) {
        return accounts.byId(actor)
                .orElseThrow(() -> new NotFoundException("account.not_found", "No such account"));
    }

    /**
     * Checks a password against the account's hash under the account's sign-in throttle: each check is counted
     * as a failed sign-in until it succeeds, and while the account is locked no password matches (a decoy is
     * hashed instead, so a locked check costs what a real one does).
     */
    /** Whether a password matched, and whether this check engaged the account's lock. */
    private record PasswordCheck(boolean matches, boolean lockedNow) {
    }

    private PasswordCheck passwordCheck(Account account, String password) {
        Instant now = clock.instant();
        LoginThrottle.Attempt attempt = throttles.attempt(account.id(), now, throttle -> throttle.begin(now));
        if (!attempt.allowed()) {
            hasher.verify(password, decoy());
            return new PasswordCheck(false, attempt.lockedNow());
        }
        if (!hasher.verify(password, account.passwordHash())) {
            return new PasswordCheck(false, attempt.lockedNow());
        }
        throttles.reset(account.id(), now);
        return new PasswordCheck(true, false);
    }

    /**
     * Refuses, before any hashing or counting, a text that no stored password can be: empty, far too long, NUL
     * characters or lone surrogates. The minimum length is not applied, so a rule tightened later cannot lock out a
     * password chosen under the old one.
     */
    private static String plausiblePassword(String field, String password) {
        try {
            return PasswordPolicy.check(password);
        } catch (RuleViolationException e) {
            if (e.code().equals("account.password.too_short")) {
                return password;
            }
            throw e.atField(field);
        }
    }

    private static ForbiddenException wrongPassword() {
        return new ForbiddenException("account.password.wrong",
                "The password is wrong (or sign-in is locked after too many failures; wait and retry)");
    }

    /** The caller's account; gone since the token was checked (deleted meanwhile) means the token is void. */
    private Account caller(AccountId actor) {
        return accounts.byId(actor).orElseThrow(AccountService::tokenInvalid);
    }

    private static AuthenticationException tokenInvalid() {
        return new AuthenticationException("auth.token_invalid",
                "The access token is missing, malformed, expired or revoked; sign in again");
    }

    private static AuthenticationException accountDisabled() {
        return new AuthenticationException("auth.account_disabled", "This account has been disabled by an operator");
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
