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

-- Statement triggers with transition tables: one insert per statement, not one per row (the consumer
-- stores a poll's events in one statement, a rebuild a million).
create function activity_place_added() returns trigger language plpgsql as $$
begin
    insert into activity_place (municipality, occurred_at, seq)
    select distinct m, a.occurred_at, a.seq from added a cross join unnest(a.municipalities) m;
    return null;
end $$;

create function activity_place_changed() returns trigger language plpgsql as $$
begin
    delete from activity_place p using before_change b where p.seq = b.seq;
    insert into activity_place (municipality, occurred_at, seq)
    select distinct m, a.occurred_at, a.seq from after_change a cross join unnest(a.municipalities) m;
    return null;
end $$;

create function activity_place_removed() returns trigger language plpgsql as $$
begin
    delete from activity_place p using removed r where p.seq = r.seq;
    return null;
end $$;

create trigger activity_place_added after insert on activity
    referencing new table as added for each statement execute function activity_place_added();
create trigger activity_place_changed after update on activity
    referencing old table as before_change new table as after_change
    for each statement execute function activity_place_changed();
create trigger activity_place_removed after delete on activity
    referencing old table as removed for each statement execute function activity_place_removed();

insert into activity_place (municipality, occurred_at, seq)
select distinct m, a.occurred_at, a.seq from activity a cross join unnest(a.municipalities) m;
