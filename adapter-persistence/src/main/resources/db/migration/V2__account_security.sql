-- Account security, part 1: access-token signing keys shared by every replica, and sessions (refresh-token
-- families) with the history of their tokens, so a replayed token is recognised.
--
-- No secret is stored in the clear: private keys are encrypted by the application before they arrive here
-- (AES-256-GCM under a key derived from ALMANAC_TOKEN_SECRET, see docs/adr/0010), and refresh tokens are kept
-- only as SHA-256 hashes (64 hex digits).

create table signing_keys (
    kid                 text        primary key,
    algorithm           text        not null,
    -- X.509 SubjectPublicKeyInfo, DER
    public_key          bytea       not null,
    -- the PKCS#8 private key, encrypted by the application (nonce || ciphertext || tag)
    wrapped_private_key bytea       not null,
    created_at          timestamptz not null,
    -- a key is published ahead of use, so every replica can verify its tokens before any is issued
    active_from         timestamptz not null,

    constraint signing_keys_kid_shape check (kid ~ '^[A-Za-z0-9_-]{1,64}$'),
    constraint signing_keys_algorithm_known check (algorithm in ('EdDSA')),
    constraint signing_keys_active_not_before_created check (active_from >= created_at)
);

create index signing_keys_by_creation on signing_keys (created_at);

create table sessions (
    id             uuid        primary key,
    account_id     uuid        not null references accounts (id) on delete cascade,
    current_token  text        not null,
    ip             text        not null,
    user_agent     text        not null,
    created_at     timestamptz not null,
    last_used_at   timestamptz not null,
    expires_at     timestamptz not null,
    revoked_at     timestamptz,

    constraint sessions_current_token_is_a_hash check (current_token ~ '^[0-9a-f]{64}$'),
    constraint sessions_ip_length check (char_length(ip) between 1 and 64),
    constraint sessions_user_agent_length check (char_length(user_agent) <= 256),
    constraint sessions_used_after_created check (last_used_at >= created_at),
    constraint sessions_expire_after_created check (expires_at > created_at),
    constraint sessions_revoked_after_created check (revoked_at is null or revoked_at >= created_at)
);

-- "My active sessions"; the leading account_id also serves the foreign key when an account is deleted.
create index sessions_by_account on sessions (account_id, last_used_at desc);

-- Every refresh token a session ever had (the current one included), by hash. A hash found here whose session
-- holds another current token is a replay.
create table refresh_tokens (
    token_hash text        primary key,
    session_id uuid        not null references sessions (id) on delete cascade,
    issued_at  timestamptz not null,

    constraint refresh_tokens_hash_shape check (token_hash ~ '^[0-9a-f]{64}$')
);

create index refresh_tokens_by_session on refresh_tokens (session_id);
