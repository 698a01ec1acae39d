package dev.almanac.application.port;

/**
 * Hands out unguessable secrets (refresh tokens, API keys, verification tokens). Injected so the core never
 * touches randomness; the real one draws from {@link java.security.SecureRandom}.
 */
@FunctionalInterface
public interface Secrets {
    /** Random bits per secret: 256, well above the 128 that OWASP ASVS asks of session tokens. */
    int BITS = 256;

    /** A new secret of {@value #BITS} random bits as unpadded base64url text (43 characters). */
    String next();
}
