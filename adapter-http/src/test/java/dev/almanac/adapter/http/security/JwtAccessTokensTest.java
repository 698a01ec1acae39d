package dev.almanac.adapter.http.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.domain.account.AccountId;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;

class JwtAccessTokensTest {
    private static final byte[] SECRET = "a test-only signing secret of at least 32 bytes".getBytes(UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final AccountId ADA = new AccountId(UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001"));

    private final JwtAccessTokens tokens = new JwtAccessTokens(SECRET);

    private String issue() {
        return tokens.issue(ADA, NOW).token();
    }

    /** A token built by hand with the same key, to vary one thing at a time. */
    private static io.jsonwebtoken.JwtBuilder valid() {
        return Jwts.builder().header().type("at+jwt").and().issuer("almanac").audience().add("almanac-api").and()
                .subject(ADA.toString()).issuedAt(Date.from(NOW)).notBefore(Date.from(NOW))
                .expiration(Date.from(NOW.plus(Duration.ofMinutes(15)))).id("1");
    }

    private static SecretKey key() {
        return Keys.hmacShaKeyFor(SECRET);
    }

    @Test
    void an_issued_token_names_its_account_for_fifteen_minutes() {
        var issued = tokens.issue(ADA, NOW);

        assertThat(issued.lifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(tokens.verify(issued.token(), NOW)).contains(ADA);
        assertThat(tokens.verify(issued.token(), NOW.plus(Duration.ofMinutes(14)))).contains(ADA);
    }

    @Test
    void the_token_carries_the_expected_claims() {
        var claims = Jwts.parser().verifyWith(key()).clock(() -> Date.from(NOW)).build()
                .parseSignedClaims(issue());

        assertThat(claims.getHeader().getAlgorithm()).isEqualTo("HS256");
        assertThat(claims.getHeader().getType()).isEqualTo("at+jwt");
        assertThat(claims.getPayload().getIssuer()).isEqualTo("almanac");
        assertThat(claims.getPayload().getAudience()).containsExactly("almanac-api");
        assertThat(claims.getPayload().getSubject()).isEqualTo(ADA.toString());
        assertThat(claims.getPayload().getIssuedAt()).isEqualTo(Date.from(NOW));
        assertThat(claims.getPayload().getNotBefore()).isEqualTo(Date.from(NOW));
        assertThat(claims.getPayload().getExpiration()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(15))));
        assertThat(claims.getPayload().getId()).isNotBlank();
        assertThat(tokens.issue(ADA, NOW).token()).isNotEqualTo(tokens.issue(ADA, NOW).token());
    }

    @Test
    void an_expired_token_is_refused_after_the_clock_skew() {
        String token = issue();

        assertThat(tokens.verify(token, NOW.plus(Duration.ofMinutes(15)).plusSeconds(20))).contains(ADA);
        assertThat(tokens.verify(token, NOW.plus(Duration.ofMinutes(15)).plusSeconds(31))).isEmpty();
    }

    @Test
    void a_token_not_yet_valid_is_refused() {
        String token = issue();

        assertThat(tokens.verify(token, NOW.minusSeconds(20))).contains(ADA);
        assertThat(tokens.verify(token, NOW.minusSeconds(120))).isEmpty();
    }

    @Test
    void a_tampered_token_is_refused() {
        String[] parts = issue().split("\\.");
        String otherSubject = Base64.getUrlEncoder().withoutPadding().encodeToString(
                new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8)
                        .replace(ADA.toString(), "6f1c2a4e-0000-4000-8000-000000000002").getBytes(UTF_8));

        assertThat(tokens.verify(parts[0] + "." + otherSubject + "." + parts[2], NOW)).isEmpty();
    }

    @Test
    void a_token_signed_with_another_key_is_refused() {
        var other = new JwtAccessTokens("another secret that is also long enough!!".getBytes(UTF_8));

        assertThat(tokens.verify(other.issue(ADA, NOW).token(), NOW)).isEmpty();
    }

    @Test
    void an_unsigned_token_is_refused() {
        String unsigned = valid().compact();
        String noneHeader = Base64.getUrlEncoder().withoutPadding()
                .encodeToString("{\"alg\":\"none\",\"typ\":\"at+jwt\"}".getBytes(UTF_8));
        String[] parts = issue().split("\\.");

        assertThat(tokens.verify(unsigned, NOW)).isEmpty();
        assertThat(tokens.verify(noneHeader + "." + parts[1] + ".", NOW)).isEmpty();
        assertThat(tokens.verify(noneHeader + "." + parts[1] + "." + parts[2], NOW)).isEmpty();
    }

    @Test
    void another_hmac_algorithm_is_refused_even_with_the_right_key() {
        byte[] longSecret = new byte[64];
        System.arraycopy(SECRET, 0, longSecret, 0, SECRET.length);
        var strong = new JwtAccessTokens(longSecret);
        String hs512 = valid().signWith(Keys.hmacShaKeyFor(longSecret), Jwts.SIG.HS512).compact();

        assertThat(strong.verify(hs512, NOW)).isEmpty();
        assertThat(strong.verify(strong.issue(ADA, NOW).token(), NOW)).contains(ADA);
    }

    @Test
    void a_wrong_issuer_audience_or_type_is_refused() {
        assertThat(tokens.verify(valid().signWith(key(), Jwts.SIG.HS256).compact(), NOW)).contains(ADA);
        assertThat(tokens.verify(valid().issuer("someone-else").signWith(key(), Jwts.SIG.HS256).compact(), NOW))
                .isEmpty();
        assertThat(tokens.verify(valid().audience().single("other-api").signWith(key(), Jwts.SIG.HS256).compact(),
                NOW)).isEmpty();
        assertThat(tokens.verify(valid().header().type("JWT").and().signWith(key(), Jwts.SIG.HS256).compact(), NOW))
                .isEmpty();
    }

    @Test
    void a_token_without_expiry_or_a_readable_subject_is_refused() {
        assertThat(tokens.verify(valid().expiration(null).signWith(key(), Jwts.SIG.HS256).compact(), NOW)).isEmpty();
        assertThat(tokens.verify(valid().subject("ada").signWith(key(), Jwts.SIG.HS256).compact(), NOW)).isEmpty();
    }

    @Test
    void garbage_is_refused_without_throwing() {
        for (String garbage : new String[] {"", "garbage", "a.b.c", "....", "eyJ.eyJ.sig", "x".repeat(10_000)}) {
            assertThat(tokens.verify(garbage, NOW)).as(garbage).isEmpty();
        }
    }

    @Test
    void a_secret_shorter_than_256_bits_is_refused() {
        assertThatThrownBy(() -> new JwtAccessTokens(new byte[31])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("32 bytes");
    }
}
