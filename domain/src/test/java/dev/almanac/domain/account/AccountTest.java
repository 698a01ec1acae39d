package dev.almanac.domain.account;

import static dev.almanac.domain.testing.Accounts.anAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class AccountTest {

    @Test
    void a_registered_account_waits_for_its_address_to_be_verified() {
        var account = anAccount().createdAt(Instant.parse("2026-02-01T10:00:00Z")).build();
        assertThat(account.status()).isEqualTo(AccountStatus.PENDING_VERIFICATION);
        assertThat(account.createdAt()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
    }

    @Test
    void a_new_password_hash_keeps_everything_else() {
        var account = anAccount().withPasswordHash("$old$").build();
        var rehashed = account.withPasswordHash(new PasswordHash("$new$"));
        assertThat(rehashed.passwordHash().encoded()).isEqualTo("$new$");
        assertThat(rehashed).usingRecursiveComparison().ignoringFields("passwordHash").isEqualTo(account);
    }

    @Test
    void the_password_hash_never_shows_in_text() {
        var account = anAccount().withPasswordHash("$argon2id$v=19$secret-bits").build();
        assertThat(account.toString()).doesNotContain("secret-bits");
        assertThat(account.passwordHash().toString()).doesNotContain("argon2id");
    }

    @Test
    void a_blank_password_hash_is_a_programming_error() {
        assertThatThrownBy(() -> new PasswordHash(" ")).isInstanceOf(IllegalArgumentException.class);
    }
}
