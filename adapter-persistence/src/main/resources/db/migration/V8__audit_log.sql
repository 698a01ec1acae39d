-- The audit trail of security events (docs/adr/0016). Append-only: a trigger refuses every DELETE and every
-- UPDATE but one, the erasure of an entry's address, user agent and subject when its account is deleted. The actor is a
-- plain column, not a foreign key, so that deleting an account neither is blocked by nor removes its trail.
-- No secret is stored here: no password, token, key or attempted e-mail address.
create table audit_log (
    id          uuid        primary key,
    occurred_at timestamptz not null,
    event       text        not null,
    outcome     text        not null,
    -- absent when nobody could be named, e.g. a sign-in with an unknown address or a request without a token
    actor_id    uuid,
    -- null once forgotten (the account was deleted)
    ip          text,
    user_agent  text,
    request_id  text        not null,
    -- the id of what was acted on (a session, a key), what a verification was for, or the route template of a
    -- denied request; null once forgotten (the account was deleted)
    subject     text,

    constraint audit_log_event_known check (event in (
        'account.sign_up', 'account.verification', 'account.verification_resend', 'auth.sign_in',
        'auth.lock_engaged', 'auth.refresh', 'auth.refresh_reuse_detected', 'auth.logout', 'session.revoked',
        'account.password_change', 'account.email_change', 'account.deleted', 'account.disabled',
        'api_key.created', 'api_key.revoked', 'access.denied')),
    constraint audit_log_outcome_known check (outcome in ('success', 'failure')),
    constraint audit_log_ip_length check (char_length(ip) between 1 and 64),
    constraint audit_log_user_agent_length check (char_length(user_agent) <= 256),
    constraint audit_log_client_forgotten_together check ((ip is null) = (user_agent is null)),
    constraint audit_log_request_id_shape check (request_id ~ '^[A-Za-z0-9._:-]{1,128}$'),
    constraint audit_log_subject_length check (char_length(subject) between 1 and 200)
);

-- An account's own trail, newest first (GET /v1/me/audit), and the erasure of its personal data.
create index audit_log_by_actor on audit_log (actor_id, occurred_at desc, id desc) where actor_id is not null;

create function audit_log_append_only() returns trigger
    language plpgsql as
$$
begin
    if tg_op = 'UPDATE'
        and new.ip is null and new.user_agent is null
        and (new.subject is null or new.subject is not distinct from old.subject)
        and (new.id, new.occurred_at, new.event, new.outcome, new.actor_id, new.request_id)
            is not distinct from
            (old.id, old.occurred_at, old.event, old.outcome, old.actor_id, old.request_id) then
        return new;
    end if;
    raise exception 'audit_log is append-only: % refused', tg_op
        using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_log_append_only
    before update or delete on audit_log
    for each row execute function audit_log_append_only();
