package dev.almanac.adapter.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.almanac.application.account.ApiKeysUseCase;
import dev.almanac.application.account.CreateApiKeyUseCase;
import dev.almanac.application.account.CreateApiKeyUseCase.CreatedApiKey;
import dev.almanac.domain.account.AccountId;
import dev.almanac.domain.apikey.ApiKey;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The bodies of {@code /v1/me/api-keys}. */
final class ApiKeyBodies {
    private ApiKeyBodies() {
    }

    /** {@code POST /v1/me/api-keys}: {@code {name, scopes, expiresAt?}}. */
    record CreateApiKeyRequest(String name, List<String> scopes, Optional<Instant> expiresAt) {
        static CreateApiKeyRequest read(ObjectNode body) {
            JsonFields fields = JsonFields.of(body, "name", "scopes", "expiresAt");
            String name = fields.text("name");
            List<String> scopes = fields.texts("scopes");
            Optional<Instant> expiresAt = fields.optionalText("expiresAt").flatMap(raw -> instant(fields, raw));
            fields.throwIfInvalid();
            return new CreateApiKeyRequest(name, scopes, expiresAt);
        }

        CreateApiKeyUseCase.Command toCommand(AccountId actor) {
            return new CreateApiKeyUseCase.Command(actor, name, scopes, expiresAt);
        }

        private static Optional<Instant> instant(JsonFields fields, String raw) {
            try {
                return Optional.of(OffsetDateTime.parse(raw, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
            } catch (DateTimeParseException e) {
                fields.error("expiresAt", "request.invalid_value",
                        "expiresAt must be an RFC 3339 date-time with an offset, e.g. 2026-12-31T23:59:59Z");
                return Optional.empty();
            }
        }
    }

    /** The answer to a creation: the only body that ever carries the key itself. */
    record CreatedApiKeyResponse(String id, String name, String prefix, List<String> scopes, String createdAt,
                                 String expiresAt, String key) {
        static CreatedApiKeyResponse from(CreatedApiKey created) {
            ApiKey k = created.key();
            return new CreatedApiKeyResponse(k.id().toString(), k.name().value(), k.prefix(), k.scopes().wireNames(),
                    k.createdAt().toString(), k.expiresAt().map(Instant::toString).orElse(null), created.secret());
        }

        @Override
        public String toString() {
            return "CreatedApiKeyResponse[id=" + id + ", prefix=" + prefix + ", key=redacted]";
        }
    }

    /** A key as its owner sees it in a listing: never the key or its hash. */
    record ApiKeyResponse(String id, String name, String prefix, List<String> scopes, String status,
                          String createdAt, String expiresAt, String lastUsedAt) {
        static ApiKeyResponse from(ApiKeysUseCase.Listed listed) {
            ApiKey k = listed.key();
            return new ApiKeyResponse(k.id().toString(), k.name().value(), k.prefix(), k.scopes().wireNames(),
                    listed.status().wireName(), k.createdAt().toString(),
                    k.expiresAt().map(Instant::toString).orElse(null),
                    k.lastUsedAt().map(Instant::toString).orElse(null));
        }
    }
}
