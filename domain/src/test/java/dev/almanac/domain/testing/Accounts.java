package dev.almanac.domain.testing;

import dev.almanac.domain.account.Account;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.account.DisplayName;
import dev.almanac.domain.account.EmailAddress;
import dev.almanac.domain.account.PasswordHash;
import java.time.Instant;

/** Builds accounts for tests: {@code Accounts.anAccount().withEmail("ada@example.org").build()}. */
public final class Accounts {
    private AccountId id = Ids.account(1);
    private String email = "ada@example.org";
    private String displayName = "Ada Lovelace";
    private String passwordHash = "$test$not-a-real-hash";
    private Instant createdAt = Instant.parse("2026-01-01T00:00:00Z");

    private Accounts() {
    }

    public static Accounts anAccount() {
        return new Accounts();
    }

    public Accounts withId(AccountId value) {
        this.id = value;
        return this;
    }

    public Accounts withEmail(String value) {
        this.email = value;
        return this;
    }

    public Accounts named(String value) {
        this.displayName = value;
        return this;
    }

    public Accounts withPasswordHash(String value) {
        this.passwordHash = value;
        return this;
    }

    public Accounts createdAt(Instant value) {
        this.createdAt = value;
        return this;
    }

    /** A new account, as sign-up leaves it: pending verification. */
    public Account build() {
        return Account.register(id, EmailAddress.of(email), new DisplayName(displayName),
                new PasswordHash(passwordHash), createdAt);
    }

    /** An account whose address is verified. */
    public Account active() {
        return build().activate();
    }
}
