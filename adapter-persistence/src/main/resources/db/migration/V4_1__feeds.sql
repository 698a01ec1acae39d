-- Read-only subscription feeds of calendars (webcal). Only the SHA-256 of a feed's token is stored, so the table
-- reveals no address; a feed goes when its calendar goes. Deleting a row revokes the feed at once: the feed route
-- looks the hash up on every request.
create table calendar_feeds (
    id          uuid        primary key,
    calendar_id uuid        not null references calendars (id) on delete cascade,
    token_hash  text        not null,
    created_at  timestamptz not null,

    constraint calendar_feeds_token_hash_unique unique (token_hash),
    constraint calendar_feeds_token_hash_form check (token_hash ~ '^[0-9a-f]{64}$')
);

create index calendar_feeds_calendar on calendar_feeds (calendar_id);
