-- The feed of one municipality, newest first, read in index order (issue 20, part 8). Filtering the
-- whole feed by its municipalities array could not be both: walking the feed's newest-first index found a
-- common municipality's page at once but read the whole feed (0.5 s at 570,000 events) for one with few
-- events, and the GIN index found a rare one at once but sorted every event of a common one. One row per
-- event and municipality, kept by the triggers below whoever writes the feed (the consumer, a rebuild).
create table activity_place (
    municipality text        not null,
    occurred_at  timestamptz not null,
    seq          bigint      not null,
    primary key (municipality, occurred_at, seq)
);
create index activity_place_seq on activity_place (seq);

-- One statement trigger with transition tables for inserts, updates and deletes: one statement per
-- statement on the feed, not one per row (the consumer stores a poll's events in one statement, a
-- rebuild a million). An update replaces the rows of the events it touched.
create function activity_place_sync() returns trigger language plpgsql as $$
begin
    if tg_op in ('UPDATE', 'DELETE') then
        delete from activity_place p using old_rows o where p.seq = o.seq;
    end if;
    if tg_op in ('INSERT', 'UPDATE') then
        insert into activity_place (municipality, occurred_at, seq)
        select distinct m, n.occurred_at, n.seq from new_rows n cross join unnest(n.municipalities) m;
    end if;
    return null;
end $$;

create trigger activity_place_added after insert on activity
    referencing new table as new_rows for each statement execute function activity_place_sync();
create trigger activity_place_changed after update on activity
    referencing old table as old_rows new table as new_rows for each statement execute function activity_place_sync();
create trigger activity_place_removed after delete on activity
    referencing old table as old_rows for each statement execute function activity_place_sync();

insert into activity_place (municipality, occurred_at, seq)
select distinct m, a.occurred_at, a.seq from activity a cross join unnest(a.municipalities) m;
