package dev.almanac.adapter.http.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.account.PasswordHash;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class Argon2idPasswordHasherTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final Argon2idPasswordHasher hasher = new Argon2idPasswordHasher();

    @Test
    void a_hash_is_an_argon2id_phc_string_at_owasp_parameters() {
        PasswordHash hash = hasher.hash(PASSWORD);

        String[] parts = hash.encoded().split("\\$");
        assertThat(parts[1]).isEqualTo("argon2id");
        assertThat(parts[2]).isEqualTo("v=19");
        assertThat(parts[3]).isEqualTo("m=19456,t=2,p=1");
        assertThat(Base64.getDecoder().decode(pad(parts[4]))).hasSize(16);
        assertThat(Base64.getDecoder().decode(pad(parts[5]))).hasSize(32);
        assertThat(hash.encoded()).doesNotContain(PASSWORD);
    }

    @Test
    void the_same_password_hashes_differently_each_time() {
        assertThat(hasher.hash(PASSWORD)).isNotEqualTo(hasher.hash(PASSWORD));
    }

    @Test
    void the_right_password_verifies_and_a_wrong_one_does_not() {
        PasswordHash hash = hasher.hash(PASSWORD);

        assertThat(hasher.verify(PASSWORD, hash)).isTrue();
        assertThat(hasher.verify(PASSWORD + " ", hash)).isFalse();
        assertThat(hasher.verify("", hash)).isFalse();
    }

    @Test
    void a_password_verifies_whether_its_characters_come_composed_decomposed_or_full_width() {
        String composed = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e";
        String decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";
        PasswordHash fromComposed = hasher.hash(composed);
        PasswordHash fromDecomposed = hasher.hash(decomposed);

        assertThat(hasher.verify(decomposed, fromComposed)).isTrue();
        assertThat(hasher.verify(composed, fromDecomposed)).isTrue();
        assertThat(hasher.verify("\uff43\uff41\uff46\u00e9 cr\u00e8me br\u00fbl\u00e9e", fromComposed))
                .as("full-width letters").isTrue();
        assertThat(hasher.verify("cafe creme brulee", fromComposed)).as("accents are not dropped").isFalse();
    }

    @Test
    void a_hash_made_before_normalisation_still_verifies_with_the_password_as_first_given() {
        String decomposed = "cafe\u0301 cre\u0300me bru\u0302le\u0301e";
        // As the hasher did before it normalised: the password's own code points.
        PasswordHash legacy = new PasswordHash(com.password4j.Password.hash(decomposed).addRandomSalt(16)
                .with(com.password4j.Argon2Function.getInstance(Argon2idPasswordHasher.MEMORY_KIB,
                        Argon2idPasswordHasher.ITERATIONS, Argon2idPasswordHasher.PARALLELISM, 32,
                        com.password4j.types.Argon2.ID, com.password4j.Argon2Function.ARGON2_VERSION_13)).getResult());

        assertThat(hasher.verify(decomposed, legacy)).isTrue();
        assertThat(hasher.verify("cafe creme brulee", legacy)).isFalse();
    }

    @Test
    void long_passwords_are_never_truncated() {
        String long1 = "a".repeat(127) + "b";
        String long2 = "a".repeat(127) + "c";

        assertThat(hasher.verify(long2, hasher.hash(long1))).isFalse();
    }

    @Test
    void garbage_hashes_verify_false_without_throwing() {
        for (String garbage : new String[] {"garbage", "$argon2id$", "$argon2id$v=19$m=x,t=2,p=1$abc$def",
                "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaA", "$2a$10$abcdefghijklmnopqrstuv",
                "$argon2id$v=19$m=99999999,t=2,p=1$c2FsdHNhbHRzYWx0c2FsdA$aGFzaGhhc2g"}) {
            assertThat(hasher.verify(PASSWORD, new PasswordHash(garbage))).as(garbage).isFalse();
        }
    }

    @Test
    void weaker_or_foreign_hashes_need_rehashing_and_current_ones_do_not() {
        var weaker = hasher.hash(PASSWORD).encoded().replace("m=19456,t=2,p=1", "m=19456,t=1,p=1");
        var stronger = new Argon2idPasswordHasher(19_456, 3, 1);

        assertThat(hasher.needsRehash(hasher.hash(PASSWORD))).isFalse();
        assertThat(hasher.needsRehash(new PasswordHash(weaker))).isTrue();
        assertThat(hasher.needsRehash(new PasswordHash("$2a$10$abcdefghijklmnopqrstuv"))).isTrue();
        assertThat(stronger.needsRehash(hasher.hash(PASSWORD))).isTrue();
        assertThat(hasher.needsRehash(stronger.hash(PASSWORD))).isFalse();
    }

    @Test
    void parameters_weaker_than_owasp_are_refused() {
        assertThatThrownBy(() -> new Argon2idPasswordHasher(8_192, 2, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String pad(String base64) {
        return base64 + "=".repeat((4 - base64.length() % 4) % 4);
    }
}
