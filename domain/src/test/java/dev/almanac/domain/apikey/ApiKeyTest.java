package dev.almanac.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.RuleViolationException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiKeyTest {
    private static final Instant NOW = Instant.parse("2026-03-01T12:00:00Z");
    private static final ApiKeyId ID = new ApiKeyId(UUID.fromString("0190a1b2-0000-7000-8000-00003f9c01ab"));
    private static final AccountId ADA = new AccountId(UUID.fromString("0190a1b2-0000-7000-8000-000000000001"));
    private static final String SECRET = "alm_3f9c01ab_" + "s".repeat(43);

    private static ApiKey issued(Optional<Instant> expiresAt, Scope... scopes) {
        return ApiKey.issue(ID, ADA, new ApiKeyName("CI"), SecretHash.of(SECRET),
                Scopes.of(scopes[0], java.util.Arrays.copyOfRange(scopes, 1, scopes.length)), expiresAt, NOW);
    }

    @Nested
    class Issuing {
        @Test
        void a_new_key_is_active_unused_at_version_one_with_its_ids_tail_as_prefix() {
            ApiKey key = issued(Optional.empty(), Scope.EVENTS_READ);

            assertThat(key.prefix()).isEqualTo("alm_3f9c01ab");
            assertThat(key.status(NOW.plus(Duration.ofDays(3650)))).isEqualTo(ApiKeyStatus.ACTIVE);
            assertThat(key.lastUsedAt()).isEmpty();
            assertThat(key.version()).isEqualTo(1);
        }

        @Test
        void an_expiry_must_be_in_the_future_and_at_most_a_year_ahead() {
            assertThat(catchThrowableOfType(RuleViolationException.class,
                    () -> issued(Optional.of(NOW), Scope.EVENTS_READ)).code())
                    .isEqualTo("api_key.expires_at.not_in_future");
            assertThat(catchThrowableOfType(RuleViolationException.class,
                    () -> issued(Optional.of(NOW.plus(ApiKey.MAX_LIFETIME).plusSeconds(1)), Scope.EVENTS_READ))
                    .violations().get(0).field()).isEqualTo("expiresAt");
            issued(Optional.of(NOW.plus(ApiKey.MAX_LIFETIME)), Scope.EVENTS_READ);
        }

        @Test
        void a_stored_key_may_be_rehydrated_with_an_expiry_now_past_but_never_a_broken_one() {
            ApiKey key = issued(Optional.of(NOW.plusSeconds(60)), Scope.EVENTS_READ);

            assertThat(key.status(NOW.plusSeconds(60))).isEqualTo(ApiKeyStatus.EXPIRED);
            assertThatThrownBy(() -> new ApiKey(ID, ADA, key.name(), "alm_XYZ", key.secretHash(), key.scopes(),
                    NOW, Optional.empty(), Optional.empty(), Optional.empty(), 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ApiKey(ID, ADA, key.name(), key.prefix(), key.secretHash(), key.scopes(),
                    NOW, Optional.of(NOW), Optional.empty(), Optional.empty(), 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ApiKey(ID, ADA, key.name(), key.prefix(), key.secretHash(), key.scopes(),
                    NOW, Optional.empty(), Optional.of(NOW.minusSeconds(1)), Optional.empty(), 1))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> new ApiKey(ID, ADA, key.name(), key.prefix(), key.secretHash(), key.scopes(),
                    NOW, Optional.empty(), Optional.empty(), Optional.empty(), 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class GivenAnActiveKey {
        private final ApiKey key = issued(Optional.empty(), Scope.EVENTS_READ, Scope.CALENDARS_READ);

        @Test
        void it_allows_exactly_its_scopes() {
            key.require(Scope.EVENTS_READ);
            key.require(Scope.CALENDARS_READ);

            ScopeMissingException missing = catchThrowableOfType(ScopeMissingException.class,
                    () -> key.require(Scope.EVENTS_WRITE));
            assertThat(missing.code()).isEqualTo("auth.scope_missing");
            assertThat(missing.needed()).isEqualTo(Scope.EVENTS_WRITE);
            assertThat(missing.getMessage()).contains("events:write");
        }

        @Test
        void it_matches_only_its_own_secret() {
            assertThat(key.matches(SecretHash.of(SECRET))).isTrue();
            assertThat(key.matches(SecretHash.of(SECRET + "x"))).isFalse();
        }

        @Test
        void revoking_ends_it_once_and_moves_the_version() {
            ApiKey revoked = key.revoke(NOW.plusSeconds(5));

            assertThat(revoked.status(NOW.plusSeconds(5))).isEqualTo(ApiKeyStatus.REVOKED);
            assertThat(revoked.version()).isEqualTo(2);
            assertThat(revoked.revoke(NOW.plusSeconds(9))).isSameAs(revoked);
            assertThat(key.revoke(NOW.minusSeconds(5)).revokedAt()).contains(NOW);
        }

        @Test
        void use_is_worth_recording_at_most_once_a_minute() {
            assertThat(key.shouldRecordUse(NOW)).isTrue();
            ApiKey used = new ApiKey(key.id(), key.account(), key.name(), key.prefix(), key.secretHash(),
                    key.scopes(), key.createdAt(), key.expiresAt(), Optional.of(NOW), key.revokedAt(), key.version());

            assertThat(used.shouldRecordUse(NOW.plusSeconds(59))).isFalse();
            assertThat(used.shouldRecordUse(NOW.plusSeconds(60))).isTrue();
        }
    }

    @Nested
    class TheSecretsShape {
        @Test
        void a_key_is_its_prefix_an_underscore_and_43_base64url_characters() {
            String composed = ApiKeySecret.compose("alm_3f9c01ab", "s".repeat(43));

            assertThat(composed).isEqualTo(SECRET).hasSize(ApiKeySecret.LENGTH);
            assertThat(ApiKeySecret.hashOf(composed)).contains(SecretHash.of(SECRET));
            assertThatThrownBy(() -> ApiKeySecret.compose("alm_3f9c01ab", "short"))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void anything_else_is_not_looked_up() {
            for (String bad : List.of("", "alm_", SECRET + "s", SECRET.substring(1), SECRET.toUpperCase(),
                    "alm_3f9c01ab_" + "s".repeat(42) + "é", "alm_3f9c01ab_" + "s".repeat(42) + "=",
                    "alm_3f9c01ab." + "s".repeat(43), "x".repeat(1_000_000))) {
                assertThat(ApiKeySecret.hashOf(bad)).as(bad.length() > 80 ? "long" : bad).isEmpty();
            }
            assertThat(ApiKeySecret.hashOf(null)).isEmpty();
        }

        @Test
        void a_key_is_told_from_an_access_token_by_its_mark() {
            assertThat(ApiKeySecret.isMarked(SECRET)).isTrue();
            assertThat(ApiKeySecret.isMarked("eyJhbGciOiJFZERTQSJ9.e30.sig")).isFalse();
        }
    }
}
