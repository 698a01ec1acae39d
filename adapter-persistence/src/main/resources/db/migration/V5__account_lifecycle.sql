-- The account lifecycle (docs/adr/0012) and the mail outbox (docs/adr/0013).
--
-- Accounts gain two states: PENDING_VERIFICATION (signed up, address not yet proved) and DISABLED (switched off by
-- an operator). Every account that exists already was opened when sign-up activated at once: it stays ACTIVE.
alter table accounts drop constraint accounts_status_known;
alter table accounts add constraint accounts_status_known
    check (status in ('PENDING_VERIFICATION', 'ACTIVE', 'DISABLED'));

-- Single-use tokens mailed to prove an address: to activate an account, or to move it to new_email. Only the
-- SHA-256 of a token is kept (64 hex digits), never the token. A used token stays (used_at set) so that a second
-- use is told apart from a typo; a token goes with its account.
create table verification_tokens (
    token_hash           text        primary key,
    account_id           uuid        not null references accounts (id) on delete cascade,
    purpose              text        not null,
    -- the address a CHANGE_EMAIL token moves the account to (as typed, trimmed), null for ACTIVATE
    new_email            text,
    issued_at            timestamptz not null,
    expires_at           timestamptz not null,
    used_at              timestamptz,

    constraint verification_tokens_hash_shape check (token_hash ~ '^[0-9a-f]{64}$'),
    constraint verification_tokens_purpose_known check (purpose in ('ACTIVATE', 'CHANGE_EMAIL')),
    constraint verification_tokens_new_email_for_change check ((purpose = 'CHANGE_EMAIL') = (new_email is not null)),
    constraint verification_tokens_new_email_length check (char_length(new_email) between 3 and 254),
    constraint verification_tokens_expire_after_issue check (expires_at > issued_at),
    constraint verification_tokens_used_after_issue check (used_at is null or used_at >= issued_at)
);

-- "Tokens of this account and purpose issued in the last hour" (the re-send limit) and "the account's other
-- unused tokens" (dropped when one is redeemed); the leading account_id also serves the foreign key.
create index verification_tokens_by_account on verification_tokens (account_id, purpose, issued_at);

-- The transactional outbox: a mail is inserted in the same transaction as the change that causes it and sent
-- later by a relay (any replica), which claims due rows with FOR UPDATE SKIP LOCKED. A sent or dead mail keeps
-- its row for the record, but not its subject and body: a verification link must not outlive its delivery.
create table mail_outbox (
    id              uuid        primary key,
    -- the account the mail is about: deleting the account deletes its mail, queued or sent
    account_id      uuid        not null references accounts (id) on delete cascade,
    recipient       text        not null,
    subject         text,
    body            text,
    state           text        not null,
    attempts        integer     not null default 0,
    queued_at       timestamptz not null,
    next_attempt_at timestamptz not null,
    sent_at         timestamptz,
    last_error      text,

    constraint mail_outbox_state_known check (state in ('PENDING', 'SENT', 'DEAD')),
    constraint mail_outbox_recipient_length check (char_length(recipient) between 3 and 254),
    constraint mail_outbox_subject_length check (char_length(subject) between 1 and 200),
    constraint mail_outbox_body_length check (char_length(body) <= 20000),
    constraint mail_outbox_pending_has_content check (state <> 'PENDING' or (subject is not null and body is not null)),
    constraint mail_outbox_done_has_no_content check (state = 'PENDING' or (subject is null and body is null)),
    constraint mail_outbox_sent_has_time check ((state = 'SENT') = (sent_at is not null)),
    constraint mail_outbox_attempts_not_negative check (attempts >= 0),
    constraint mail_outbox_error_length check (char_length(last_error) <= 500)
);
-- for the cascade when an account is deleted
create index mail_outbox_account on mail_outbox (account_id);

-- The relay's question, "which pending mails are due, oldest first": a partial index that holds only the
-- pending rows, so it stays small however many mails were ever sent.
create index mail_outbox_due on mail_outbox (next_attempt_at, queued_at) where state = 'PENDING';
