-- A window's single events in start order, for the first page of a busy calendar (docs/adr/0026). The GiST index
-- events_window finds every event that overlaps a window, but unordered: a page of 100 from a week holding 1,000
-- events read and sorted all 1,000. Events that start inside the window are now read from this b-tree in
-- (start_at, id) order, the page's own order, and the scan stops at the page's end; only the events that
-- started before the window and still run at its start come from events_window. Partial, like the window query:
-- series masters are found by events_series_window. Creating it locks writes to events for as long as it takes
-- (about a second per million events).
create index events_singles_by_start on events (calendar_id, start_at, id) where recurrence is null;
