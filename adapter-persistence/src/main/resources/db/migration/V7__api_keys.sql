-- API keys: long-lived, scoped credentials an account makes for its programs. Only the SHA-256 of a key is
-- stored (64 hex digits), found through a unique index on every request that presents one; the visible prefix
-- (alm_ and 8 hex digits) is there so a person can tell keys apart in a listing. See docs/adr/0014.
create table api_keys (
    id           uuid        primary key,
    account_id   uuid        not null references accounts (id) on delete cascade,
    name         text        not null,
    prefix       text        not null,
    secret_hash  text        not null,
    -- wire names; a new scope widens api_keys_scopes_known in a migration of its own
    scopes       text[]      not null,
    created_at   timestamptz not null,
    expires_at   timestamptz,
    last_used_at timestamptz,
    revoked_at   timestamptz,
    -- moved on by every change the owner makes (revocation), not by use
    version      bigint      not null,

    constraint api_keys_secret_hash_unique unique (secret_hash),
    constraint api_keys_secret_hash_form check (secret_hash ~ '^[0-9a-f]{64}$'),
    constraint api_keys_prefix_form check (prefix ~ '^alm_[0-9a-f]{8}$'),
    constraint api_keys_name_length check (char_length(name) between 1 and 100),
    constraint api_keys_scopes_known check (
        cardinality(scopes) >= 1
        and scopes <@ array['account:read', 'calendars:read', 'calendars:write', 'events:read', 'events:write',
                            'feeds:write']::text[]),
    constraint api_keys_expire_after_created check (expires_at is null or expires_at > created_at),
    constraint api_keys_used_after_created check (last_used_at is null or last_used_at >= created_at),
    constraint api_keys_revoked_after_created check (revoked_at is null or revoked_at >= created_at),
    constraint api_keys_version_positive check (version >= 1)
);

-- "My keys", newest first; the leading account_id also serves the foreign key when an account is deleted.
create index api_keys_by_account on api_keys (account_id, created_at desc, id desc);
