package dev.almanac.adapter.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Telling an id in a path from anything else, by hand, exactly as the canonical UUID text form has it. */
class RequestParamsTest {
    /** The canonical form as a regular expression: the reference. */
    private static final Pattern REFERENCE =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    @Test
    void a_uuid_in_its_canonical_form_is_one_in_either_case() {
        String id = "0190aaaa-0000-7000-8000-0000000000c1";

        assertThat(RequestParams.isUuidText(id)).isTrue();
        assertThat(RequestParams.isUuidText(id.toUpperCase())).isTrue();
        assertThat(RequestParams.isUuidText(UUID.randomUUID().toString())).isTrue();
    }

    @Test
    void other_shapes_are_not_even_those_uuid_from_string_would_take() {
        for (String text : new String[] {"", "42", "0190aaaa-0000-7000-8000-0000000000c", // one digit short
                "0190aaaa-0000-7000-8000-0000000000c12", "0-0-0-0-0", // UUID.fromString takes this one
                "0190aaaa00000-7000-8000-0000000000c1", "0190aaa-a0000-7000-8000-0000000000c1",
                "0190aaaa-0000-7000-8000-0000000000g1", "0190aaaa-0000-7000-8000-0000000000\u0661\u0662", // Arabic digits
                "0190aaaa-0000-7000-8000-0000000000\uff41\uff42", " 0190aaaa-0000-7000-8000-0000000000c", null}) {
            assertThat(RequestParams.isUuidText(text)).as("'%s'", text).isFalse();
        }
    }

    @Test
    void it_agrees_with_the_regular_expression_on_a_hundred_thousand_near_misses() {
        Random random = new Random(20261122);
        String alphabet = "0123456789abcdefABCDEFgG-_ \u0661\uff41";
        for (int i = 0; i < 100_000; i++) {
            StringBuilder text = new StringBuilder(UUID.randomUUID().toString());
            for (int edits = random.nextInt(3); edits > 0; edits--) {
                int at = random.nextInt(text.length() + 1);
                char c = alphabet.charAt(random.nextInt(alphabet.length()));
                switch (random.nextInt(3)) {
                    case 0 -> text.insert(at, c);
                    case 1 -> text.deleteCharAt(Math.min(at, text.length() - 1));
                    default -> text.setCharAt(Math.min(at, text.length() - 1), c);
                }
            }
            assertThat(RequestParams.isUuidText(text.toString())).as("'%s'", text)
                    .isEqualTo(REFERENCE.matcher(text).matches());
        }
    }
}
