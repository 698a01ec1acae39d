-- Overrides of single occurrences of a series (iCalendar's RECURRENCE-ID components): one row per changed
-- occurrence, keyed by its series and its original start, holding everything the occurrence shows instead of the
-- series' values. They belong to the series' aggregate: written in the same transaction as the master, under the
-- master's version, and deleted with it. Their slot on the time line is derived in Java when they are read (so a
-- calendar zone change needs no rewrite here); see docs/adr/0022.
create table event_overrides (
    series_id      uuid    not null references events (id) on delete cascade,
    -- the original start as wall time in the series' start zone (ISO, 2026-09-07T09:00) or a date (2026-09-07)
    original_start text    not null,
    title          text    not null,
    description    text    not null,
    location       text    not null,
    all_day        boolean not null,
    start_local    timestamp,
    start_zone     text,
    end_local      timestamp,
    end_zone       text,
    start_date     date,
    end_date       date,
    status         text    not null,

    -- at most one override per original start
    constraint event_overrides_pkey primary key (series_id, original_start),
    constraint event_overrides_original_start_form
        check (original_start ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}(T[0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]{1,9})?)?)?$'),
    constraint event_overrides_title_length check (char_length(title) between 1 and 500),
    constraint event_overrides_description_length check (char_length(description) <= 50000),
    constraint event_overrides_location_length check (char_length(location) <= 1000),
    constraint event_overrides_status_known check (status in ('TENTATIVE', 'CONFIRMED', 'CANCELLED')),
    constraint event_overrides_one_kind_of_time check (
        (not all_day
            and start_local is not null and start_zone is not null and end_local is not null and end_zone is not null
            and start_date is null and end_date is null)
        or (all_day
            and start_local is null and start_zone is null and end_local is null and end_zone is null
            and start_date is not null and end_date is not null and start_date < end_date))
);
