package dev.almanac.application.account;

import static java.util.Objects.requireNonNull;

import dev.almanac.application.audit.AuditEntries;
import dev.almanac.application.port.ApiKeyRepository;
import dev.almanac.application.port.AuditTrail;
import dev.almanac.application.port.IdGenerator;
import dev.almanac.application.port.Secrets;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import dev.almanac.domain.apikey.ApiKeyId;
import dev.almanac.domain.apikey.ApiKeyName;
import dev.almanac.domain.apikey.ApiKeySecret;
import dev.almanac.domain.apikey.ApiKeyStatus;
import dev.almanac.domain.apikey.Scopes;
import dev.almanac.domain.audit.AuditEvent;
import dev.almanac.domain.security.RequestContext;
import dev.almanac.domain.security.SecretHash;
import dev.almanac.domain.shared.AuthenticationException;
import dev.almanac.domain.shared.NotFoundException;
import dev.almanac.domain.shared.Violations;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** API keys: making one, listing and revoking the caller's own, and authenticating a presented key. */
final class ApiKeyService implements CreateApiKeyUseCase, ApiKeysUseCase, AuthenticateApiKeyUseCase {
    private final ApiKeyRepository keys;
    private final ActingAccounts acting;
    private final Secrets secrets;
    private final IdGenerator ids;
    private final Clock clock;
    private final AuditTrail audit;
    private final AuditEntries entries;

    ApiKeyService(AccountPorts ports, ActingAccounts acting) {
        this.keys = ports.apiKeys();
        this.acting = requireNonNull(acting, "acting");
        this.secrets = ports.secrets();
        this.ids = ports.ids();
        this.clock = ports.clock();
        this.audit = ports.audit();
        this.entries = new AuditEntries(ids, clock);
    }

    @Override
    public CreatedApiKey create(CreateApiKeyUseCase.Command command, RequestContext context) {
        requireNonNull(context, "context");
        Instant now = clock.instant();
        var violations = new Violations();
        ApiKeyName name = violations.check(() -> new ApiKeyName(command.name()));
        Scopes scopes = violations.check(() -> Scopes.parse(command.scopes()));
        violations.check(() -> {
            command.expiresAt().ifPresent(at -> ApiKey.checkExpiry(at, now));
            return null;
        });
        violations.throwIfAny("The API key cannot be created as given");
        requireMayCreateKeys(command.actor());

        ApiKeyId id = new ApiKeyId(ids.next());
        String secret = ApiKeySecret.compose(ApiKeySecret.prefixFor(id), secrets.next());
        ApiKey key = ApiKey.issue(id, command.actor(), name, SecretHash.of(secret), scopes, command.expiresAt(),
                now);
        audit.recordWith(() -> {
            keys.add(key, ApiKey.MAX_PER_ACCOUNT);
            return key;
        }, added -> Optional.of(entries.success(AuditEvent.API_KEY_CREATED, added.account(), context, added.id())));
        return new CreatedApiKey(key, secret);
    }

    /**
     * The place for rules about which accounts may make keys at all (an account awaiting verification, say):
     * checked after the input, before anything is made. Today every account that may act may make keys.
     */
    /** Only an account that may act and whose address is verified hands out keys (ADR 0012). */
    private void requireMayCreateKeys(AccountId actor) {
        acting.acting(actor)
                .orElseThrow(() -> new NotFoundException("account.not_found", "No such account"))
                .requireVerified();
    }

    @Override
    public List<Listed> unrevoked(AccountId actor) {
        Instant now = clock.instant();
        return keys.unrevoked(requireNonNull(actor, "actor")).stream()
                .map(key -> new Listed(key, key.status(now)))
                .toList();
    }

    @Override
    public void revoke(AccountId actor, ApiKeyId key, RequestContext context) {
        requireNonNull(context, "context");
        Instant now = clock.instant();
        boolean own = keys.byId(key)
                .filter(k -> k.account().equals(actor) && k.status(now) != ApiKeyStatus.REVOKED)
                .isPresent();
        if (!own) {
            throw notFound();
        }
        audit.recordWith(() -> keys.update(key, k -> k.revoke(now)), revoked -> revoked.map(
                        k -> entries.success(AuditEvent.API_KEY_REVOKED, k.account(), context, k.id())))
                .orElseThrow(ApiKeyService::notFound);
    }

    @Override
    public ApiKey authenticate(String presented) {
        SecretHash hash = ApiKeySecret.hashOf(presented).orElseThrow(ApiKeyService::invalid);
        Instant now = clock.instant();
        ApiKey key = keys.bySecretHash(hash)
                .filter(k -> k.matches(hash) && k.status(now) == ApiKeyStatus.ACTIVE)
                .filter(k -> acting.mayAct(k.account()))
                .orElseThrow(ApiKeyService::invalid);
        if (key.shouldRecordUse(now)) {
            keys.recordUse(key.id(), now);
        }
        return key;
    }

    private static NotFoundException notFound() {
        return new NotFoundException("api_key.not_found", "No such API key");
    }

    private static AuthenticationException invalid() {
        return new AuthenticationException("auth.api_key_invalid",
                "The API key is malformed, unknown, revoked or expired");
    }
}
