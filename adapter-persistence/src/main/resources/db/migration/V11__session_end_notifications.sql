-- Every replica remembers for a while which sessions it found alive, so an authenticated request need not ask
-- the database each time (docs/adr/0028). These triggers tell every replica at once when a session can no longer
-- be alive: PostgreSQL delivers a NOTIFY on channel almanac_session_ended to every listening connection when the
-- transaction that ended the session commits (and never if it rolls back). The payload is the session's id, or
-- '*' when the whole table was emptied. Triggers rather than calls in the code, so no way of ending a session is
-- missed: revocation, sign-out, reuse detection, a password change, a disabled account, a deleted account (its
-- sessions go by cascade), or an operator's own SQL.
create function almanac_session_ended() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        perform pg_notify('almanac_session_ended', '*');
    else
        perform pg_notify('almanac_session_ended', old.id::text);
    end if;
    return null;
end
$$;

-- Revoked, shortened, or moved to another account or id: each can turn "alive" into "not alive". A session
-- brought back (revoked_at cleared) or lengthened needs no word: replicas remember only sessions found alive.
create trigger sessions_ended_by_update after update on sessions for each row
    when (new.revoked_at is not null and old.revoked_at is null
          or new.expires_at < old.expires_at
          or new.account_id <> old.account_id
          or new.id <> old.id)
    execute function almanac_session_ended();

create trigger sessions_ended_by_delete after delete on sessions for each row
    execute function almanac_session_ended();

create trigger sessions_ended_by_truncate after truncate on sessions for each statement
    execute function almanac_session_ended();
