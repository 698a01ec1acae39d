package dev.almanac.application.account;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.security.RequestContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import static java.util.Objects.requireNonNull;

/** Makes an API key for the caller's own account. */
public interface CreateApiKeyUseCase {

    /**
     * @throws dev.almanac.domain.shared.RuleViolationException for a bad name, unknown or no scopes, or an expiry
     *                                                          not in the future or more than a year away
     * @throws dev.almanac.domain.shared.ConflictException       {@code api_key.limit_reached}
     */
    CreatedApiKey create(Command command, RequestContext context);

    /** Raw input; the domain values check it. */
    record Command(AccountId actor, String name, List<String> scopes, Optional<Instant> expiresAt) {
        public Command {
            requireNonNull(actor, "actor");
            requireNonNull(name, "name");
            requireNonNull(expiresAt, "expiresAt");
            scopes = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(requireNonNull(scopes,
                    "scopes")));
        }
    }

    /**
     * The new key and, this once, its secret.
     *
     * @param secret the whole key as the owner will send it; never stored, never shown again
     */
    record CreatedApiKey(ApiKey key, String secret) {
        public CreatedApiKey {
            requireNonNull(key, "key");
            requireNonNull(secret, "secret");
        }

        @Override
        public String toString() {
            return "CreatedApiKey[key=" + key.id() + ", prefix=" + key.prefix() + ", secret=redacted]";
        }
    }
}
