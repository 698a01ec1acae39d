package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.audit.AuditEntries;
import dev.almanac.application.port.AccountLifecycleStore;
import dev.almanac.application.port.AccountLifecycleStore.Redemption;
import dev.almanac.application.port.AccountRepository;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.port.OutgoingMail;
import dev.almanac.application.port.PasswordHasher;
import dev.almanac.application.port.Secrets;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.AccountStatus;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordBlocklist;
import dev.almanac.domain.account.PasswordPolicy;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.ConflictException;
import dev.almanac.domain.shared.ForbiddenException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.RuleViolationException;
import dev.almanac.domain.shared.Violation;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The account lifecycle (docs/adr/0012): sign-up opens a pending account and mails a token, the token activates
 * it, re-sends are limited, an address change waits for its own token, an operator disables. Every change that
 * mails goes through {@link AccountLifecycleStore}, which queues the mail in the change's own transaction.
 */
final class LifecycleService implements RegisterAccountUseCase, VerifyAccountUseCase, ResendVerificationUseCase,
        ChangeEmailUseCase, DisableAccountUseCase {
    /** What {@link Secrets#next()} hands out: 256 bits as 43 characters of unpadded base64url. */
    private static final Pattern TOKEN_SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final AccountRepository accounts;
    private final AccountLifecycleStore store;
    private final PasswordHasher hasher;
    private final PasswordBlocklist blocklist;
    private final Secrets secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final AccountMails mails;
    private final AuthenticateUseCase authenticate;
    /**
     * The audit subject of a re-send or address change that was accepted but sent no mail, because the account's
     * mail limit was reached: still a security event, so still recorded.
     */
    static final String MAIL_WITHHELD = "mail_withheld";

    private final AuditTrail audit;
    private final AuditEntries entries;

    LifecycleService(AccountPorts ports, LifecyclePorts lifecycle, AuthenticateUseCase authenticate) {
        this.accounts = ports.accounts();
        this.hasher = ports.hasher();
        this.blocklist = ports.blocklist();
        this.secrets = ports.secrets();
        this.ids = ports.ids();
        this.clock = ports.clock();
        this.store = lifecycle.store();
        this.mails = new AccountMails(lifecycle.base());
        this.authenticate = requireNonNull(authenticate, "authenticate");
        this.audit = ports.audit();
        this.entries = new AuditEntries(ids, clock);
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
        Instant now = clock.instant();
        Account account = Account.register(new AccountId(ids.next()), email, name, hasher.hash(command.password()),
                now);
        String token = secrets.next();
        VerificationToken issued = VerificationToken.issue(SecretHash.of(token), account.id(),
                new VerificationToken.Activate(), now);
        return audit.recordWith(() -> {
            store.open(account, issued, mails.verifyAddress(account, token, issued));
            return account;
        }, opened -> Optional.of(entries.success(AuditEvent.SIGN_UP, opened.id(), context)));
    }

    @Override
    public Account verify(String token, RequestContext context) {
        requireNonNull(context, "context");
        if (token == null || !TOKEN_SHAPE.matcher(token).matches()) {
            throw new RuleViolationException("token", "account.verification.token_malformed",
                    "A verification token is the 43 characters (A-Z, a-z, 0-9, - and _) from the mail");
        }
        Instant now = clock.instant();
        // The token the store found, so a refusal can name its account and a success say what was verified.
        AtomicReference<VerificationToken> presented = new AtomicReference<>();
        try {
            return audit.recordWith(() -> store.redeem(SecretHash.of(token), (stored, holder) -> {
                presented.set(stored);
                VerificationToken.Redeemed redeemed = stored.redeem(holder, now);
                List<OutgoingMail> notices = stored.purpose() instanceof VerificationToken.ChangeEmail
                        ? List.of(mails.addressChanged(redeemed.before(), redeemed.after()))
                        : List.of();
                return new Redemption(redeemed, notices);
            }), verified -> verified.map(account -> entries.success(AuditEvent.VERIFICATION, account.id(), context,
                    purposeOf(presented.get())))).orElseThrow(VerificationToken::unknown);
        } catch (RuleViolationException | ConflictException refused) {
            audit.record(entries.failure(AuditEvent.VERIFICATION,
                    Optional.ofNullable(presented.get()).map(VerificationToken::account), context));
            throw refused;
        }
    }

    /** What a verification was for, as the audit entry's subject (never the address itself). */
    private static String purposeOf(VerificationToken token) {
        return token.purpose() instanceof VerificationToken.ChangeEmail ? "email_change" : "activation";
    }

    @Override
    public void resend(String email, RequestContext context) {
        requireNonNull(context, "context");
        EmailAddress address = EmailAddress.of(email);
        Optional<Account> pending = accounts.byEmail(address)
                .filter(a -> a.status() == AccountStatus.PENDING_VERIFICATION);
        if (pending.isEmpty()) {
            return;
        }
        Account account = pending.get();
        Instant now = clock.instant();
        String token = secrets.next();
        VerificationToken issued = VerificationToken.issue(SecretHash.of(token), account.id(),
                new VerificationToken.Activate(), now);
        audit.recordWith(() -> store.issue(issued, mails.verifyAddress(account, token, issued), ResendLimit.DEFAULT),
                queued -> Optional.of(queued ? entries.success(AuditEvent.VERIFICATION_RESEND, account.id(), context)
                        : entries.success(AuditEvent.VERIFICATION_RESEND, account.id(), context, MAIL_WITHHELD)));
    }

    @Override
    public void request(ChangeEmailUseCase.Command command, RequestContext context) {
        requireNonNull(context, "context");
        Account account = accounts.byId(command.actor())
                .orElseThrow(() -> new NotFoundException("account.not_found", "No such account"));
        account.requireVerified();
        EmailAddress newAddress = EmailAddress.of(command.email());
        if (newAddress.normalized().equals(account.email().normalized())) {
            throw new RuleViolationException("email", "account.email.unchanged",
                    "This is already the account's address");
        }
        try {
            authenticate.authenticate(new AuthenticateUseCase.Command(account.email().value(), command.password()));
        } catch (AuthenticationException wrong) {
            audit.record(entries.failure(AuditEvent.EMAIL_CHANGE, Optional.of(account.id()), context));
            throw new ForbiddenException("account.password.wrong",
                    "The current password is needed to change the address, and this is not it");
        }
        if (accounts.byEmail(newAddress).isPresent()) {
            throw emailTaken();
        }
        Instant now = clock.instant();
        String token = secrets.next();
        VerificationToken issued = VerificationToken.issue(SecretHash.of(token), account.id(),
                new VerificationToken.ChangeEmail(newAddress), now);
        audit.recordWith(() -> store.issue(issued, mails.verifyNewAddress(account, newAddress, token, issued),
                        ResendLimit.DEFAULT),
                queued -> Optional.of(queued ? entries.success(AuditEvent.EMAIL_CHANGE, account.id(), context)
                        : entries.success(AuditEvent.EMAIL_CHANGE, account.id(), context, MAIL_WITHHELD)));
    }

    @Override
    public Account disable(String email, RequestContext context) {
        requireNonNull(context, "context");
        return audit.recordWith(() -> store.changeStatus(EmailAddress.of(email), Account::disable, clock.instant()),
                        disabled -> disabled.map(account -> entries.success(AuditEvent.ACCOUNT_DISABLED, account.id(),
                                context)))
                .orElseThrow(() -> new NotFoundException("account.not_found", "No account has this address"));
    }

    static ConflictException emailTaken() {
        return new ConflictException("account.email.taken", "An account with this e-mail address exists");
    }

    private static <T> T collect(List<Violation> violations, Supplier<T> check) {
        try {
            return check.get();
        } catch (RuleViolationException e) {
            violations.addAll(e.violations());
            return null;
        }
    }
}
