-- The programme's targets (it.ngsiena.gateway.reporting): per indicator, for the whole programme
-- (municipality null) or for one municipality; set by the admin, reported against what was achieved.
create table programme_target (
    id           uuid primary key,
    indicator    text          not null,
    municipality text,
    target       numeric(14, 2) not null check (target >= 0),
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    created_by   text,
    updated_by   text,
    version      bigint        not null default 0
);
create unique index programme_target_scope on programme_target (indicator, coalesce(municipality, ''));
