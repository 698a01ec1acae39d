package dev.almanac.adapter.http.security;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.AccessTokens;
import dev.almanac.domain.account.AccountId;
import io.jsonwebtoken.Claims;
import io.jsonwebtoken.JwtException;
import io.jsonwebtoken.Jws;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Date;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.SecretKey;

/**
 * Access tokens as JWTs (RFC 7519) signed with HMAC-SHA256, following the JWT best current practices (RFC 8725):
 * the algorithm is allow-listed (HS256 only; {@code none} and every other algorithm are refused), the type is
 * explicit ({@code typ: at+jwt}, RFC 9068), and issuer, audience, expiry and not-before are always checked, with
 * {@value #CLOCK_SKEW_SECONDS} seconds of clock skew. Claims: {@code sub} (account id), {@code iat}, {@code nbf},
 * {@code exp}, {@code jti}.
 */
public final class JwtAccessTokens implements AccessTokens {
    public static final String ISSUER = "almanac";
    public static final String AUDIENCE = "almanac-api";
    public static final String TYPE = "at+jwt";
    public static final Duration DEFAULT_LIFETIME = Duration.ofMinutes(15);
    public static final int MIN_SECRET_BYTES = 32;
    static final long CLOCK_SKEW_SECONDS = 30;
    private static final int MAX_TOKEN_LENGTH = 4096;

    private final SecretKey key;
    private final Duration lifetime;

    /** @param secret at least 256 bits of key material, kept secret; the array is copied */
    public JwtAccessTokens(byte[] secret) {
        this(secret, DEFAULT_LIFETIME);
    }

    public JwtAccessTokens(byte[] secret, Duration lifetime) {
        requireNonNull(secret, "secret");
        requireNonNull(lifetime, "lifetime");
        if (secret.length < MIN_SECRET_BYTES) {
            throw new IllegalArgumentException("the token signing secret must be at least " + MIN_SECRET_BYTES
                    + " bytes (256 bits), was " + secret.length);
        }
        if (lifetime.compareTo(Duration.ofSeconds(1)) < 0) {
            throw new IllegalArgumentException("the token lifetime must be at least one second");
        }
        byte[] copy = Arrays.copyOf(secret, secret.length);
        this.key = Keys.hmacShaKeyFor(copy);
        Arrays.fill(copy, (byte) 0);
        this.lifetime = lifetime;
    }

    @Override
    public IssuedToken issue(AccountId account, Instant now) {
        requireNonNull(account, "account");
        Instant issuedAt = now.truncatedTo(ChronoUnit.SECONDS);
        String token = Jwts.builder()
                .header().type(TYPE).and()
                .issuer(ISSUER)
                .audience().add(AUDIENCE).and()
                .subject(account.value().toString())
                .issuedAt(Date.from(issuedAt))
                .notBefore(Date.from(issuedAt))
                .expiration(Date.from(issuedAt.plus(lifetime)))
                .id(UUID.randomUUID().toString())
                .signWith(key, Jwts.SIG.HS256)
                .compact();
        return new IssuedToken(token, lifetime);
    }

    @Override
    public Optional<AccountId> verify(String token, Instant now) {
        if (token == null || token.isEmpty() || token.length() > MAX_TOKEN_LENGTH) {
            return Optional.empty();
        }
        try {
            Jws<Claims> jws = Jwts.parser()
                    .sig().clear().add(Jwts.SIG.HS256).and()
                    .verifyWith(key)
                    .requireIssuer(ISSUER)
                    .requireAudience(AUDIENCE)
                    .clock(() -> Date.from(now))
                    .clockSkewSeconds(CLOCK_SKEW_SECONDS)
                    .build()
                    .parseSignedClaims(token);
            if (!"HS256".equals(jws.getHeader().getAlgorithm()) || !TYPE.equals(jws.getHeader().getType())) {
                return Optional.empty();
            }
            Claims claims = jws.getPayload();
            if (claims.getExpiration() == null || claims.getNotBefore() == null || claims.getSubject() == null) {
                return Optional.empty();
            }
            return Optional.of(new AccountId(UUID.fromString(claims.getSubject())));
        } catch (JwtException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "JwtAccessTokens[HS256, lifetime=" + lifetime + "]";
    }
}
