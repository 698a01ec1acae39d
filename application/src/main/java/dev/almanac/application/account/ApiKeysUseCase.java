package dev.almanac.application.account;

import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.apikey.ApiKeyStatus;
import dev.almanac.domain.security.RequestContext;
import java.util.List;

/** An account's own API keys: list them, revoke one. */
public interface ApiKeysUseCase {

    /** The actor's keys that are not revoked (expired ones too, until revoked), newest first; at most 100. */
    List<Listed> unrevoked(AccountId actor);

    /**
     * Revokes one of the actor's keys; it stops authenticating at once.
     *
     * @throws dev.almanac.domain.shared.NotFoundException {@code api_key.not_found}, also for another account's
     *                                                     key and one already revoked
     */
    void revoke(AccountId actor, ApiKeyId key, RequestContext context);

    /** A key and where it stands now. */
    record Listed(ApiKey key, ApiKeyStatus status) {
        public Listed {
            java.util.Objects.requireNonNull(key, "key");
            java.util.Objects.requireNonNull(status, "status");
        }
    }
}
