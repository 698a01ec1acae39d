package dev.almanac.adapter.http.security;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.almanac.application.fakes.InMemorySigningKeys;
import dev.almanac.application.port.AccessTokens.Subject;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SessionId;
import io.jsonwebtoken.JwtBuilder;
import io.jsonwebtoken.Jwts;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class JwtAccessTokensTest {
    static final byte[] SECRET = "a test-only key-encryption secret, 32+ bytes".getBytes(UTF_8);
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final Subject ADA = new Subject(
            new AccountId(UUID.fromString("6f1c2a4e-0000-4000-8000-000000000001")),
            new SessionId(UUID.fromString("5e55a0e1-0000-4000-8000-000000000001")));
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final InMemorySigningKeys store = new InMemorySigningKeys();
    private final SigningKeyRing ring = ring(store, SECRET);
    private final JwtAccessTokens tokens = new JwtAccessTokens(ring);

    static SigningKeyRing ring(InMemorySigningKeys store, byte[] secret) {
        return new SigningKeyRing(store, new KeyWrap(secret, new SecureRandom()), new SecureRandom());
    }

    private String issue() {
        return tokens.issue(ADA, NOW).token();
    }

    /** A token built by hand and signed with the ring's current key, to vary one thing at a time. */
    private JwtBuilder valid() {
        var key = ring.signingKey(NOW);
        return Jwts.builder().header().type("at+jwt").keyId(key.kid()).and().issuer("almanac")
                .audience().add("almanac-api").and()
                .subject(ADA.account().toString()).claim("sid", ADA.session().toString())
                .issuedAt(Date.from(NOW)).notBefore(Date.from(NOW))
                .expiration(Date.from(NOW.plus(Duration.ofMinutes(15)))).id("1")
                .signWith(key.privateKey(), Jwts.SIG.EdDSA);
    }

    private String kid() {
        return ring.signingKey(NOW).kid();
    }

    private static String b64(String json) {
        return B64.encodeToString(json.getBytes(UTF_8));
    }

    private String payload() {
        return issue().split("\\.")[1];
    }

    @Test
    void an_issued_token_carries_its_session_as_sid() {
        String claims = new String(Base64.getUrlDecoder().decode(issue().split("\\.")[1]), UTF_8);

        assertThat(claims).contains("\"sub\":\"" + ADA.account() + "\"")
                .contains("\"sid\":\"" + ADA.session() + "\"");
    }

    @Test
    void an_issued_token_names_its_account_for_fifteen_minutes() {
        var issued = tokens.issue(ADA, NOW);

        assertThat(issued.lifetime()).isEqualTo(Duration.ofMinutes(15));
        assertThat(tokens.verify(issued.token(), NOW)).contains(ADA);
        assertThat(tokens.verify(issued.token(), NOW.plus(Duration.ofMinutes(14)))).contains(ADA);
    }

    @Test
    void the_token_is_eddsa_with_a_kid_and_the_expected_claims() {
        var jws = Jwts.parser().verifyWith(ring.verificationKey(kid(), NOW).orElseThrow())
                .clock(() -> Date.from(NOW)).build().parseSignedClaims(issue());

        assertThat(jws.getHeader().getAlgorithm()).isEqualTo("EdDSA");
        assertThat(jws.getHeader().getKeyId()).isEqualTo(kid());
        assertThat(jws.getHeader().getType()).isEqualTo("at+jwt");
        assertThat(jws.getPayload().getIssuer()).isEqualTo("almanac");
        assertThat(jws.getPayload().getAudience()).containsExactly("almanac-api");
        assertThat(jws.getPayload().getSubject()).isEqualTo(ADA.account().toString());
        assertThat(jws.getPayload().get("sid")).isEqualTo(ADA.session().toString());
        assertThat(jws.getPayload().getNotBefore()).isEqualTo(Date.from(NOW));
        assertThat(jws.getPayload().getExpiration()).isEqualTo(Date.from(NOW.plus(Duration.ofMinutes(15))));
        assertThat(tokens.issue(ADA, NOW).token()).isNotEqualTo(tokens.issue(ADA, NOW).token());
    }

    @Test
    void the_jwks_publishes_the_public_key_and_nothing_private() {
        @SuppressWarnings("unchecked")
        var keys = (List<Map<String, String>>) tokens.jwks(NOW).get("keys");

        assertThat(keys).hasSize(1);
        assertThat(keys.get(0)).containsEntry("kty", "OKP").containsEntry("crv", "Ed25519")
                .containsEntry("kid", kid()).containsEntry("alg", "EdDSA").containsEntry("use", "sig")
                .doesNotContainKey("d");
        assertThat(Base64.getUrlDecoder().decode(keys.get(0).get("x"))).hasSize(32);
    }

    /** The attacks RFC 8725 and the JWT literature list; every one must fail. */
    @Nested
    class Attacks {
        @ParameterizedTest
        @ValueSource(strings = {"none", "None", "NONE", "nOnE"})
        void alg_none_in_every_spelling_is_refused(String none) {
            String header = b64("{\"alg\":\"" + none + "\",\"typ\":\"at+jwt\",\"kid\":\"" + kid() + "\"}");
            String signature = issue().split("\\.")[2];

            assertThat(tokens.verify(header + "." + payload() + ".", NOW)).isEmpty();
            assertThat(tokens.verify(header + "." + payload() + "." + signature, NOW)).isEmpty();
        }

        @Test
        void a_stripped_signature_is_refused() {
            String[] parts = issue().split("\\.");

            assertThat(tokens.verify(parts[0] + "." + parts[1] + ".", NOW)).isEmpty();
            assertThat(tokens.verify(parts[0] + "." + parts[1], NOW)).isEmpty();
        }

        @Test
        void hs256_signed_with_our_public_key_is_refused() throws Exception {
            String header = b64("{\"alg\":\"HS256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid() + "\"}");
            String body = payload();
            var published = ring.published(NOW).get(0);
            for (byte[] macKey : List.of(published.publicKey().getEncoded(),
                    Base64.getUrlDecoder().decode(published.x()), published.x().getBytes(UTF_8))) {
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
                String signature = B64.encodeToString(mac.doFinal((header + "." + body).getBytes(UTF_8)));

                assertThat(tokens.verify(header + "." + body + "." + signature, NOW)).isEmpty();
            }
        }

        @Test
        void an_ecdsa_signature_with_r_and_s_zero_is_refused() {
            String header = b64("{\"alg\":\"ES256\",\"typ\":\"at+jwt\",\"kid\":\"" + kid() + "\"}");
            String zeros = B64.encodeToString(new byte[64]);

            assertThat(tokens.verify(header + "." + payload() + "." + zeros, NOW)).isEmpty();
            String eddsaHeader = issue().split("\\.")[0];
            assertThat(tokens.verify(eddsaHeader + "." + payload() + "." + zeros, NOW)).isEmpty();
        }

        @Test
        void tampered_claims_are_refused() {
            String[] parts = issue().split("\\.");
            String otherSubject = B64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8)
                    .replace(ADA.account().toString(), "6f1c2a4e-0000-4000-8000-000000000002").getBytes(UTF_8));

            assertThat(tokens.verify(parts[0] + "." + otherSubject + "." + parts[2], NOW)).isEmpty();
        }

        @Test
        void an_expired_token_is_refused_after_the_clock_skew() {
            String token = issue();

            assertThat(tokens.verify(token, NOW.plus(Duration.ofMinutes(15)).plusSeconds(20))).contains(ADA);
            assertThat(tokens.verify(token, NOW.plus(Duration.ofMinutes(15)).plusSeconds(31))).isEmpty();
        }

        @Test
        void a_token_verified_once_is_still_refused_once_it_expires() {
            String token = issue();
            for (int i = 0; i < 3; i++) {
                assertThat(tokens.verify(token, NOW.plusSeconds(60))).contains(ADA);
            }

            assertThat(tokens.verify(token, NOW.plus(Duration.ofMinutes(16)))).isEmpty();
            assertThat(tokens.verify(token, NOW.plusSeconds(60))).as("forgotten once expired, then checked afresh")
                    .contains(ADA);
        }

        @Test
        void a_token_whose_nbf_is_in_the_future_is_refused() {
            assertThat(tokens.verify(valid().notBefore(Date.from(NOW.plusSeconds(120))).compact(), NOW)).isEmpty();
            assertThat(tokens.verify(issue(), NOW.minusSeconds(120))).isEmpty();
        }

        @Test
        void missing_exp_nbf_or_a_readable_subject_is_refused() {
            assertThat(tokens.verify(valid().compact(), NOW)).contains(ADA);
            assertThat(tokens.verify(valid().expiration(null).compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().notBefore(null).compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().subject("ada").compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().subject(null).compact(), NOW)).isEmpty();
        }

        @Test
        void a_token_without_a_session_id_is_refused() {
            assertThat(tokens.verify(valid().claims().delete("sid").and().compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().claim("sid", "not-a-uuid").compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().claim("sid", 42).compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().claim("sid", null).compact(), NOW)).isEmpty();
        }

        @Test
        void a_tampered_session_id_is_refused() {
            String[] parts = issue().split("\\.");
            String otherSession = B64.encodeToString(new String(Base64.getUrlDecoder().decode(parts[1]), UTF_8)
                    .replace(ADA.session().toString(), "5e55a0e1-0000-4000-8000-000000000002").getBytes(UTF_8));

            assertThat(tokens.verify(parts[0] + "." + otherSession + "." + parts[2], NOW)).isEmpty();
        }

        @Test
        void a_wrong_issuer_audience_or_type_is_refused() {
            assertThat(tokens.verify(valid().issuer("someone-else").compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().audience().single("other-api").compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().header().type("JWT").and().compact(), NOW)).isEmpty();
            assertThat(tokens.verify(valid().header().type("rt+jwt").and().compact(), NOW)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"unknown-kid", "../../../../dev/null", "/etc/passwd", "kid' or '1'='1",
                "https://evil.example/key", ""})
        void an_unknown_or_path_like_kid_is_refused(String kid) {
            assertThat(tokens.verify(valid().header().keyId(kid).and().compact(), NOW)).isEmpty();
        }

        @Test
        void a_token_without_kid_is_refused() {
            assertThat(tokens.verify(valid().header().keyId(null).and().compact(), NOW)).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"jku", "x5u"})
        void a_token_naming_a_key_location_is_refused_even_when_correctly_signed(String header) {
            assertThat(tokens.verify(valid().header().add(header, "https://evil.example/jwks.json").and().compact(),
                    NOW)).isEmpty();
        }

        @Test
        void a_token_signed_by_another_deployment_is_refused() {
            var other = new JwtAccessTokens(ring(new InMemorySigningKeys(), SECRET));

            assertThat(tokens.verify(other.issue(ADA, NOW).token(), NOW)).isEmpty();
        }

        @Test
        void an_opaque_refresh_token_is_not_an_access_token() {
            String refreshToken = new RandomSecrets(new SecureRandom()).next();

            assertThat(tokens.verify(refreshToken, NOW)).isEmpty();
        }

        @Test
        void garbage_is_refused_without_throwing() {
            for (String garbage : new String[] {"", "garbage", "a.b.c", "....", "eyJ.eyJ.sig", "x".repeat(10_000),
                    "a.b.c.d.e", "\u0000.\u0000.\u0000", "é.é.é"}) {
                assertThat(tokens.verify(garbage, NOW)).as(garbage).isEmpty();
            }
        }
    }

    @Nested
    class Rotation {
        private static final Duration ROTATION = Duration.ofDays(30);

        @Test
        void a_new_key_is_published_ahead_of_use_then_signs_while_the_old_one_still_verifies() {
            String before = issue();
            String oldKid = JwtAccessTokensTest.this.kid();
            Instant due = NOW.plus(ROTATION);

            String duringLead = tokens.issue(ADA, due).token();
            assertThat(header(duringLead)).contains(oldKid);
            assertThat(ring.published(due)).hasSize(2);

            Instant active = due.plus(SigningKeyRing.DEFAULT_PUBLISH_LEAD);
            String after = tokens.issue(ADA, active).token();
            assertThat(header(after)).doesNotContain(oldKid);
            assertThat(tokens.verify(after, active)).contains(ADA);
            assertThat(tokens.verify(duringLead, active.plusSeconds(60))).contains(ADA);
            assertThat(before).isNotEmpty();
        }

        @Test
        void the_old_key_stops_verifying_once_every_token_it_signed_has_expired() {
            issue();
            String last = tokens.issue(ADA, NOW.plus(ROTATION)).token();
            Instant successorStarts = NOW.plus(ROTATION).plus(SigningKeyRing.DEFAULT_PUBLISH_LEAD);
            tokens.issue(ADA, successorStarts);
            String oldKid = kidOf(last);

            assertThat(ring.verificationKey(oldKid, successorStarts.plus(Duration.ofHours(23)))).isPresent();
            assertThat(ring.verificationKey(oldKid, successorStarts.plus(Duration.ofHours(25)))).isEmpty();
            assertThat(ring.published(successorStarts.plus(Duration.ofHours(25)))).hasSize(1);
        }

        @Test
        void replicas_sharing_a_store_verify_each_others_tokens_and_rotate_once() {
            var replica = new JwtAccessTokens(ring(store, SECRET));
            String fromA = issue();

            assertThat(replica.verify(fromA, NOW)).contains(ADA);
            assertThat(tokens.verify(replica.issue(ADA, NOW).token(), NOW)).contains(ADA);

            Instant due = NOW.plus(ROTATION);
            tokens.issue(ADA, due);
            replica.issue(ADA, due.plusSeconds(1));
            assertThat(store.all()).hasSize(2);

            Instant active = due.plus(SigningKeyRing.DEFAULT_PUBLISH_LEAD);
            assertThat(replica.verify(tokens.issue(ADA, active).token(), active)).contains(ADA);
        }

        @Test
        void a_key_made_under_another_secret_cannot_sign_and_says_why() {
            issue();
            var misconfigured = new JwtAccessTokens(ring(store, "a different secret, also 32 bytes long".getBytes(UTF_8)));

            assertThatThrownBy(() -> misconfigured.issue(ADA, NOW))
                    .isInstanceOf(KeyWrap.KeyUnwrapException.class)
                    .hasMessageContaining("ALMANAC_TOKEN_SECRET");
        }

        @Test
        void the_private_key_is_stored_encrypted() {
            issue();
            var stored = store.all().get(0);

            assertThat(stored.toString()).contains("redacted");
            assertThat(new String(stored.wrappedPrivateKey(), UTF_8)).doesNotContain("Ed25519");
            var wrap = new KeyWrap(SECRET, new SecureRandom());
            byte[] plain = wrap.unwrap(stored.wrappedPrivateKey(), stored.kid());
            assertThat(stored.wrappedPrivateKey()).isNotEqualTo(plain);
            assertThatThrownBy(() -> wrap.unwrap(stored.wrappedPrivateKey(), "another-kid"))
                    .isInstanceOf(KeyWrap.KeyUnwrapException.class);
        }

        private String header(String token) {
            return new String(Base64.getUrlDecoder().decode(token.split("\\.")[0]), UTF_8);
        }

        private String kidOf(String token) {
            String header = header(token);
            int start = header.indexOf("\"kid\":\"") + 7;
            return header.substring(start, header.indexOf('"', start));
        }
    }

    @Test
    void a_lifetime_beyond_a_day_is_refused() {
        assertThatThrownBy(() -> new JwtAccessTokens(ring, Duration.ofHours(25)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
