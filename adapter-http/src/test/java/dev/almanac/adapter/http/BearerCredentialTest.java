package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Reading the credential out of {@code Authorization: Bearer ...}, by hand, exactly as RFC 6750 §2.1 shapes it. */
class BearerCredentialTest {
    /** RFC 6750's b64token after the case-insensitive scheme, as a regular expression: the reference. */
    private static final Pattern REFERENCE = Pattern.compile("(?i)Bearer +([A-Za-z0-9\\-._~+/]+=*) *");

    @Test
    void a_well_formed_header_gives_its_credential() {
        assertThat(BearerAuthentication.bearerCredential("Bearer abc.def-ghi_jkl~m+n/o==")).isEqualTo(
                "abc.def-ghi_jkl~m+n/o==");
        assertThat(BearerAuthentication.bearerCredential("bEARER    alm_1234_x  ")).isEqualTo("alm_1234_x");
    }

    @Test
    void other_shapes_give_nothing() {
        for (String header : new String[] {"Bearer", "Bearer ", "Bearer  ", "Basic abc", "Bearerabc", "Bearer a b",
                "Bearer =abc", "Bearer abc=d", "Bearer \tabc", "Bearer abc\u00e9", " Bearer abc", "Bearer abc\n"}) {
            assertThat(BearerAuthentication.bearerCredential(header)).as("'%s'", header).isNull();
        }
    }

    @Test
    void it_agrees_with_the_regular_expression_on_a_hundred_thousand_random_headers() {
        Random random = new Random(20261122);
        String alphabet = "aZ09-._~+/= \tBbEeAaRr\u00e9:";
        String[] prefixes = {"Bearer ", "bearer  ", "BEARER", "Bearer\t", "Basic ", ""};
        for (int i = 0; i < 100_000; i++) {
            StringBuilder header = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
            int length = random.nextInt(12);
            for (int j = 0; j < length; j++) {
                header.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            Matcher reference = REFERENCE.matcher(header);
            String expected = reference.matches() ? reference.group(1) : null;
            assertThat(BearerAuthentication.bearerCredential(header.toString())).as("'%s'", header)
                    .isEqualTo(expected);
        }
    }
}
