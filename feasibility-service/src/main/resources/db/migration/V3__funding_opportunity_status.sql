-- A funding call can be closed early or withdrawn, with the reason; an edited one keeps its id and grows its version.
alter table funding_opportunity
    add column status     text not null default 'OPEN',
    add column status_reason text,
    add column status_at  timestamptz;
