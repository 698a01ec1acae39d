-- Almanac's first schema: accounts, their calendars, and the calendars' events.
--
-- The domain checks every rule first; the constraints below hold the structural ones a second time, so a bug
-- or a hand-written statement cannot leave a row the domain would refuse to rebuild. Lengths are counted with
-- char_length (code points), as the domain counts them.
--
-- Instants are timestamptz and always written by the application in UTC. Nothing here derives or computes a
-- time: events.start_at / end_at are derived from wall time and zone in Java (dev.almanac.domain.event) and
-- stored beside the wall time, which stays the source of truth.

-- btree_gist lets one GiST index hold a plain equality column (calendar_id) beside a range; see events_window.
-- It ships with PostgreSQL's contrib (and the embedded binaries), and is a trusted extension since PostgreSQL 13,
-- so a database owner without superuser rights may create it.
create extension if not exists btree_gist;

create table accounts (
    id               uuid        primary key,
    -- as typed (trimmed); email_normalized is the lower-cased form that uniqueness and look-up use
    email            text        not null,
    email_normalized text        not null,
    display_name     text        not null,
    password_hash    text        not null,
    status           text        not null,
    created_at       timestamptz not null,

    constraint accounts_email_normalized_key unique (email_normalized),
    constraint accounts_email_length check (char_length(email) between 3 and 254),
    constraint accounts_display_name_length check (char_length(display_name) between 1 and 100),
    constraint accounts_password_hash_present check (password_hash <> ''),
    constraint accounts_status_known check (status in ('ACTIVE'))
);

create table calendars (
    id          uuid        primary key,
    owner_id    uuid        not null references accounts (id) on delete cascade,
    name        text        not null,
    description text        not null,
    -- an IANA zone id, checked by the domain (java.time knows the tz database; PostgreSQL's copy may differ)
    time_zone   text        not null,
    version     bigint      not null,
    created_at  timestamptz not null,
    updated_at  timestamptz not null,

    constraint calendars_name_length check (char_length(name) between 1 and 200),
    constraint calendars_description_length check (char_length(description) <= 10000),
    constraint calendars_time_zone_length check (char_length(time_zone) between 1 and 64),
    constraint calendars_version_not_negative check (version >= 0),
    constraint calendars_updated_not_before_created check (updated_at >= created_at)
);

-- "My calendars", oldest first, keyset-paginated on (created_at, id): one index range scan per page, and the
-- leading owner_id also serves the foreign key when an account is deleted.
create index calendars_by_owner on calendars (owner_id, created_at, id);

create table events (
    id           uuid        primary key,
    calendar_id  uuid        not null references calendars (id) on delete cascade,
    title        text        not null,
    -- the title lower-cased in Java (Locale.ROOT) for the case-insensitive title filter, so the filter means
    -- the same thing whatever locale the database was created with
    title_folded text        not null,
    description  text        not null,
    location     text        not null,
    all_day      boolean     not null,
    -- a timed event: wall time plus IANA zone for each end (the two zones may differ)
    start_local  timestamp,
    start_zone   text,
    end_local    timestamp,
    end_zone     text,
    -- an all-day event: dates, end exclusive, anchored in the calendar's zone
    start_date   date,
    end_date     date,
    -- the span on the time line, derived in Java; all-day events are re-derived when their calendar's zone changes
    start_at     timestamptz not null,
    end_at       timestamptz not null,
    status       text        not null,
    version      bigint      not null,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,

    constraint events_title_length check (char_length(title) between 1 and 500),
    constraint events_title_folded_length check (char_length(title_folded) >= 1),
    constraint events_description_length check (char_length(description) <= 50000),
    constraint events_location_length check (char_length(location) <= 1000),
    constraint events_status_known check (status in ('TENTATIVE', 'CONFIRMED', 'CANCELLED')),
    constraint events_version_not_negative check (version >= 0),
    constraint events_start_before_end check (start_at < end_at),
    -- the domain allows at most 1827 days; an all-day span anchored in a zone may run a day longer in instants
    -- (DST, or a zone that changed its offset), hence the margin
    constraint events_span_bounded check (end_at - start_at < interval '1830 days'),
    -- exactly one kind of time is filled in, and all_day says which
    constraint events_one_kind_of_time check (
        (not all_day
            and start_local is not null and start_zone is not null
            and end_local is not null and end_zone is not null
            and start_date is null and end_date is null)
        or (all_day
            and start_date is not null and end_date is not null
            and start_local is null and start_zone is null
            and end_local is null and end_zone is null)),
    constraint events_dates_ordered check (start_date < end_date),
    constraint events_zones_length check (char_length(start_zone) between 1 and 64
                                          and char_length(end_zone) between 1 and 64),
    constraint events_updated_not_before_created check (updated_at >= created_at)
);

-- The window query asks for the events of one calendar whose [start_at, end_at) overlaps [from, to). With a
-- b-tree on (calendar_id, start_at) only "starts before to" is an index condition: "ends after from" becomes a
-- filter over every earlier event of the calendar, a cost that grows with the calendar's whole history. A GiST
-- index over the range answers the overlap (&&) itself, so the scan touches only the events in the window, and
-- the leading calendar_id (via btree_gist) keeps it to one calendar. The rows come unordered; the query then
-- sorts only the window's events (a top-N sort under LIMIT), which is what a page needs.
-- The index also serves the foreign key's "events of this calendar" when a calendar is deleted.
-- The title filter needs no index of its own: it only narrows the events of one calendar in one window.
create index events_window on events using gist (calendar_id, tstzrange(start_at, end_at, '[)'));
