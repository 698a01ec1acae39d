-- Three additions for issue 4's remaining parts.

-- 1. Which zone rules the stored instants were derived with (docs/adr/0024). One row per zone the JVM knows: the
--    tz-data version that supplied the rules (ZoneRulesProvider.getVersions) and a SHA-256 of the rules
--    themselves. At start-up the service compares every zone's running rules with this record, re-derives from
--    wall time and zone the instants (events.start_at, end_at, series_end_at) of the rows in zones whose rules
--    changed, and then records the running stamp. Overrides store no instants (V4), so they need nothing.
create table zone_rules (
    zone_id      text        primary key,
    tzdb_version text        not null,
    fingerprint  text        not null,
    recorded_at  timestamptz not null,

    constraint zone_rules_zone_id_length check (char_length(zone_id) between 1 and 64),
    constraint zone_rules_tzdb_version_length check (char_length(tzdb_version) between 1 and 32),
    constraint zone_rules_fingerprint_form check (fingerprint ~ '^[0-9a-f]{64}$')
);

-- 2. The UID an event was imported under from an iCalendar file (docs/adr/0023), kept so that exporting it again
--    gives the same UID; null for events made in Almanac, which export as <id>@almanac. The import derives a new
--    event's id from (calendar, UID), so one UID names at most one event per calendar; the index holds that too.
alter table events add column ical_uid text;
alter table events add constraint events_ical_uid_length check (char_length(ical_uid) between 1 and 1000);
create unique index events_ical_uid on events (calendar_id, ical_uid) where ical_uid is not null;

-- 3. The title filter (q) looks at an override's own title too (an occurrence renamed by its override is found by
--    its new name), folded in Java as events.title_folded is. Rows written before this migration are folded here
--    with lower(), which agrees with Java's Locale.ROOT lower-casing for every title Almanac's tests write.
alter table event_overrides add column title_folded text;
update event_overrides set title_folded = lower(title);
alter table event_overrides alter column title_folded set not null;
alter table event_overrides add constraint event_overrides_title_folded_length check (char_length(title_folded) >= 1);
