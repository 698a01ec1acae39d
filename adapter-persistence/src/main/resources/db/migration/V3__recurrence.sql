-- Recurring events (series). A series is one row in events, its master: the first occurrence's time as usual,
-- plus its RFC 5545 content lines (RRULE/RDATE/EXDATE, newline separated; null for a single event) and the end
-- of its last occurrence (null while the series has no end). Occurrences are never stored: the window query
-- finds the masters whose overall range overlaps the window and the application expands them in Java, within
-- the window (see docs/adr/0021).
alter table events add column recurrence text;
alter table events add column series_end_at timestamptz;

alter table events add constraint events_recurrence_length check (char_length(recurrence) between 1 and 100000);
alter table events add constraint events_series_end_only_for_series check (recurrence is not null or series_end_at is null);
alter table events add constraint events_series_end_after_start check (series_end_at > start_at);

-- The masters of one calendar whose [start_at, series_end_at) overlaps a window; an open upper bound (null) is
-- unbounded. Partial, so it holds the series only and stays small next to events_window.
create index events_series_window on events
    using gist (calendar_id, tstzrange(start_at, series_end_at, '[)'))
    where recurrence is not null;
