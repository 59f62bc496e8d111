create table need (
    id                     uuid primary key,
    title                  text        not null,
    description            text        not null,
    theme                  text        not null,
    municipalities         text[]      not null,
    origin                 text        not null,
    status                 text        not null,
    submitter_organisation text,
    created_at             timestamptz not null,
    updated_at             timestamptz not null,
    version                bigint      not null default 0
);
create index need_created on need (created_at desc, id);
create index need_municipalities on need using gin (municipalities);
