package dev.almanac.domain.apikey;

import static java.util.Objects.requireNonNull;

import dev.almanac.domain.security.SecretHash;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The shape of an API key as its owner holds it: {@code alm_<8 hex>_<43 base64url characters>}, e.g.
 * {@code alm_3f9c01ab_Hq0...}. The first twelve characters ({@code alm_3f9c01ab}) are the key's visible prefix,
 * shown in listings so a person can tell keys apart; the rest is a secret of 256 random bits. Only the SHA-256
 * of the whole key is stored.
 *
 * <p>The fixed {@code alm_} start also tells an API key from an access token (a JWT always starts {@code eyJ}),
 * so both can travel in {@code Authorization: Bearer}.
 */
public final class ApiKeySecret {
    /** What every key and every prefix starts with. */
    public static final String MARK = "alm_";
    /** The whole key's length: mark, 8 hex digits, an underscore and 43 secret characters. */
    public static final int LENGTH = MARK.length() + 8 + 1 + 43;

    private static final Pattern PREFIX = Pattern.compile("alm_[0-9a-f]{8}");
    private static final Pattern SECRET = Pattern.compile("[A-Za-z0-9_-]{43}");
    private static final Pattern KEY = Pattern.compile("alm_[0-9a-f]{8}_[A-Za-z0-9_-]{43}");

    private ApiKeySecret() {
    }

    /** The visible prefix of the key with this id: the mark and the id's last eight (random) hex digits. */
    public static String prefixFor(ApiKeyId id) {
        String hex = id.value().toString();
        return MARK + hex.substring(hex.length() - 8);
    }

    /** Whether {@code prefix} has the shape of a visible prefix. */
    public static boolean isPrefix(String prefix) {
        return prefix != null && PREFIX.matcher(prefix).matches();
    }

    /**
     * The key handed to the owner once.
     *
     * @param secret 43 base64url characters (256 random bits)
     */
    public static String compose(String prefix, String secret) {
        requireNonNull(prefix, "prefix");
        requireNonNull(secret, "secret");
        if (!isPrefix(prefix) || !SECRET.matcher(secret).matches()) {
            throw new IllegalArgumentException("an API key is a prefix alm_<8 hex> and 43 base64url characters");
        }
        return prefix + "_" + secret;
    }

    /** Whether a bearer credential is meant as an API key rather than an access token. */
    public static boolean isMarked(String credential) {
        return credential != null && credential.startsWith(MARK);
    }

    /** Whether {@code text} has the exact shape of a key (whether or not such a key exists). */
    public static boolean isShaped(String text) {
        return text != null && text.length() == LENGTH && KEY.matcher(text).matches();
    }

    /**
     * The hash to look a presented key up by; empty for anything that is not shaped like a key (too long, too
     * short, another alphabet, a wrong mark), which is refused before any lookup.
     */
    public static Optional<SecretHash> hashOf(String presented) {
        return isShaped(presented) ? Optional.of(SecretHash.of(presented)) : Optional.empty();
    }
}
