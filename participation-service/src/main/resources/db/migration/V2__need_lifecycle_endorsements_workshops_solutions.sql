alter table need
    add column endorsers       text[] not null default '{}',
    add column workshop_id     uuid,
    add column rationale       text,
    add column answer          text,
    add column study_id        uuid,
    add column study_verdict   text,
    add column external_id     text,
    add column external_source text;
create unique index need_external on need (external_source, external_id) where external_id is not null;
create index need_status on need (status);

create table workshop (
    id                uuid primary key,
    title             text        not null,
    starts_at         timestamptz not null,
    ends_at           timestamptz not null,
    place             text,
    meeting_link      text,
    municipalities    text[]      not null,
    facilitator       text,
    status            text        not null,
    attendance_count  int,
    minutes           text,
    cancel_reason     text,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index workshop_starts on workshop (starts_at desc, id);

create table solution_idea (
    id                    uuid primary key,
    need_id               uuid        not null references need (id),
    title                 text        not null,
    description           text        not null,
    proposer_organisation text,
    created_at            timestamptz not null
);
create index solution_need on solution_idea (need_id, created_at);

alter table need add constraint need_workshop foreign key (workshop_id) references workshop (id);
