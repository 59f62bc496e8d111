-- Feasibility studies of Open Impact and what hangs off them. Money is numeric(14,2): EUR, exact.
create table study (
    id                  uuid primary key,
    title               text          not null,
    scope               text,
    need_ids            uuid[]        not null,
    municipalities      text[]        not null,
    themes              text[]        not null,
    lead_organisation   text,
    lead_role           text,
    status              text          not null,
    verdict             text,
    conditions          text,
    estimated_cost_eur  numeric(14,2),
    summary             text,
    abandon_reason      text,
    cup                 text,
    source_event_id     text unique,
    created_at          timestamptz   not null,
    updated_at          timestamptz   not null,
    started_at          timestamptz,
    closed_at           timestamptz,
    version             bigint        not null default 0
);
create index study_municipalities on study using gin (municipalities);
create index study_needs on study using gin (need_ids);
create index study_created on study (created_at desc, id);

create table study_milestone (
    id          uuid primary key,
    study_id    uuid        not null references study (id),
    title       text        not null,
    due_on      date        not null,
    reached_on  date,
    created_at  timestamptz not null
);
create index study_milestone_study on study_milestone (study_id, due_on);

create table study_document (
    id          uuid primary key,
    study_id    uuid        not null references study (id),
    title       text        not null,
    url         text        not null,
    created_at  timestamptz not null
);
create index study_document_study on study_document (study_id, created_at);

create table impact_indicator (
    id          uuid primary key,
    study_id    uuid          not null references study (id),
    name        text          not null,
    unit        text          not null,
    baseline    numeric(18,2) not null,
    target      numeric(18,2) not null,
    created_at  timestamptz   not null
);
create index impact_indicator_study on impact_indicator (study_id, created_at);

create table funding_source (
    id              uuid primary key,
    study_id        uuid          not null references study (id),
    kind            text          not null,
    pnrr_component  text,
    pnrr_measure    text,
    programme       text,
    amount_eur      numeric(14,2) not null check (amount_eur >= 0),
    status          text          not null,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0
);
create index funding_source_study on funding_source (study_id, created_at);

create table funding_opportunity (
    id                       uuid primary key,
    title                    text          not null,
    funder                   text          not null,
    kind                     text          not null,
    pnrr_component           text,
    themes                   text[]        not null,
    eligible_municipalities  text[]        not null,
    opens_on                 date          not null,
    deadline                 date          not null,
    total_budget_eur         numeric(16,2),
    created_at               timestamptz   not null,
    updated_at               timestamptz   not null,
    version                  bigint        not null default 0
);
create index funding_opportunity_deadline on funding_opportunity (deadline, id);

create table study_opportunity (
    study_id        uuid        not null references study (id),
    opportunity_id  uuid        not null references funding_opportunity (id),
    score           integer     not null,
    created_at      timestamptz not null,
    primary key (study_id, opportunity_id)
);
