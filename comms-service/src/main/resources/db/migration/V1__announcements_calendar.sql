-- Announcements of Ananse Communication, and the programme calendar built from the other workstreams' events.
create table announcement (
    id               uuid primary key,
    title            text        not null,
    summary          text,
    body             text        not null,
    language         text        not null,
    audience         text        not null,
    tags             text[]      not null,
    municipalities   text[]      not null,
    item_references  jsonb       not null default '[]',
    status           text        not null,
    source_event_id  text unique,
    published_at     timestamptz,
    archived_at      timestamptz,
    created_at       timestamptz not null,
    updated_at       timestamptz not null,
    version          bigint      not null default 0
);
create index announcement_published on announcement (status, published_at desc, id);
create index announcement_tags on announcement using gin (tags);
create index announcement_municipalities on announcement using gin (municipalities);

-- One entry per training session or workshop; uid is stable for calendar clients, sequence grows on every change.
create table calendar_entry (
    uid             text primary key,
    kind            text        not null,
    source_id       uuid        not null,
    title           text        not null,
    starts_at       timestamptz not null,
    ends_at         timestamptz not null,
    location        text,
    municipalities  text[]      not null,
    status          text        not null,
    sequence        integer     not null,
    updated_at      timestamptz not null
);
create index calendar_entry_time on calendar_entry (starts_at, uid);
