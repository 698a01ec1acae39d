package dev.almanac.application.port;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.ResendLimit;
import dev.almanac.domain.account.VerificationToken;
import dev.almanac.domain.security.SecretHash;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.UnaryOperator;

/**
 * The account changes that come with mail: each method is one transaction that changes the account, its
 * verification tokens and the {@link MailOutbox} together, or changes nothing. Tokens are stored by their hash.
 */
public interface AccountLifecycleStore {

    /**
     * Stores a new account, its first verification token and the mail that carries it.
     *
     * @throws dev.almanac.domain.shared.ConflictException {@code account.email.taken}
     */
    void open(Account account, VerificationToken token, OutgoingMail mail);

    /**
     * Stores another token for the token's account and queues its mail, unless {@code limit} says the account has
     * had enough tokens of that purpose lately (counted under a lock on the account, so parallel calls are
     * counted one after another) or the account is gone.
     *
     * @return whether the token was stored and the mail queued
     */
    boolean issue(VerificationToken token, OutgoingMail mail, ResendLimit limit);

    /**
     * Finds the token with this hash and its account, locks both, lets {@code redeem} decide, then stores the
     * used token and the changed account, drops the account's other unused tokens of the same purpose and queues
     * the redemption's mails. Empty when no token has this hash.
     *
     * @throws dev.almanac.domain.shared.ConflictException {@code account.email.taken} when the new address was
     *                                                     taken meanwhile (nothing is written)
     */
    Optional<Account> redeem(SecretHash hash, BiFunction<VerificationToken, Account, Redemption> redeem);

    /**
     * Changes the status of the account with this address; when the changed account can no longer authenticate,
     * revokes all its sessions (as of {@code now}) in the same transaction. Empty when there is no such account.
     */
    Optional<Account> changeStatus(EmailAddress email, UnaryOperator<Account> change, Instant now);

    /** What redeeming a token does: the token and account as it leaves them, and the mails that go with it. */
    record Redemption(VerificationToken.Redeemed redeemed, List<OutgoingMail> mails) {
        public Redemption {
            requireNonNull(redeemed, "redeemed");
            mails = List.copyOf(mails);
        }
    }
}
