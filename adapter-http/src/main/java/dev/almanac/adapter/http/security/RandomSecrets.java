package dev.almanac.adapter.http.security;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.port.Secrets;
import java.security.SecureRandom;
import java.util.Base64;

/** {@link Secrets} from {@link SecureRandom}: 256 random bits, unpadded base64url. */
public final class RandomSecrets implements Secrets {
    private final SecureRandom random;

    public RandomSecrets(SecureRandom random) {
        this.random = requireNonNull(random, "random");
    }

    @Override
    public String next() {
        byte[] bytes = new byte[BITS / 8];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
