-- Account security, part 2: per-account failed sign-in counting with a temporary lock (docs/adr/0011).
-- One row per account that has ever failed to sign in; a sign-in attempt locks the row, so parallel attempts
-- are counted one after another.

create table login_throttles (
    account_id   uuid        primary key references accounts (id) on delete cascade,
    failures     integer     not null,
    window_start timestamptz not null,
    locked_until timestamptz,

    constraint login_throttles_failures_not_negative check (failures >= 0)
);
