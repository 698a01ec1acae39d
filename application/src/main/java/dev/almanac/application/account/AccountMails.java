package dev.almanac.application.account;

import dev.almanac.application.port.OutgoingMail;
import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.VerificationToken;

/**
 * The texts of the account mails. A link carries its token after {@code #}, so it never reaches a server log;
 * the API call that redeems it is spelled out too, since Almanac has no web pages of its own.
 */
final class AccountMails {
    private final String base;

    AccountMails(String base) {
        this.base = base;
    }

    OutgoingMail verifyAddress(Account account, String token, VerificationToken issued) {
        return new OutgoingMail(account.email(), "Confirm your Almanac address", greeting(account)
                + "please confirm that this address belongs to your Almanac account.\n\n"
                + redeem(token, issued)
                + "If you did not sign up for Almanac, ignore this mail; the account stays unconfirmed.\n");
    }

    OutgoingMail verifyNewAddress(Account account, EmailAddress newAddress, String token, VerificationToken issued) {
        return new OutgoingMail(newAddress, "Confirm your new Almanac address", greeting(account)
                + "you asked to move your Almanac account to this address. It moves once you confirm it.\n\n"
                + redeem(token, issued)
                + "If you did not ask for this, ignore this mail; the account keeps its old address.\n");
    }

    OutgoingMail addressChanged(Account before, Account after) {
        return new OutgoingMail(before.email(), "Your Almanac address was changed", greeting(before)
                + "the address of your Almanac account was changed from " + before.email() + " to "
                + after.email() + ". Mail about the account now goes there.\n\n"
                + "If you did not do this, someone else knows your password: contact your Almanac operator.\n");
    }

    private static String greeting(Account account) {
        return "Hello " + account.displayName().value() + ",\n\n";
    }

    private String redeem(String token, VerificationToken issued) {
        return "Open this link:\n\n  " + base + "/verify#token=" + token + "\n\n"
                + "or send the token to the API yourself:\n\n"
                + "  curl -X POST " + base + "/v1/accounts/verify -H 'Content-Type: application/json' \\\n"
                + "       -d '{\"token\":\"" + token + "\"}'\n\n"
                + "The token works once and expires at " + issued.expiresAt() + " (in 24 hours).\n\n";
    }
}
