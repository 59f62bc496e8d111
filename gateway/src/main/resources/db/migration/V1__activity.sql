-- The activity feed: every event of every workstream, as received.
create table activity (
    event_id       text primary key,
    seq            bigint generated always as identity unique,
    event_type     text        not null,
    workstream     text        not null,
    source         text        not null,
    subject        text,
    occurred_at    timestamptz not null,
    municipalities text[]      not null,
    title          text,
    data           jsonb       not null,
    received_at    timestamptz not null default now()
);
create index activity_newest on activity (occurred_at desc, seq desc);
create index activity_municipalities on activity using gin (municipalities);
create index activity_type on activity (event_type, occurred_at desc);
