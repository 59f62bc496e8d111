-- Participants: personal data of the training workstream (never in events).
create table participant (
    id           uuid primary key,
    given_name   text        not null,
    family_name  text        not null,
    email        text        not null unique,
    municipality text        not null,
    role         text        not null,
    office       text,
    created_at   timestamptz not null,
    updated_at   timestamptz not null,
    version      bigint      not null default 0
);
create index participant_municipality on participant (municipality, created_at);
