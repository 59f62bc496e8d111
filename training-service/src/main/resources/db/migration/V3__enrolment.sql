create table enrolment (
    id             uuid primary key,
    session_id     uuid        not null references training_session (id),
    participant_id uuid        not null references participant (id),
    municipality   text        not null,
    status         text        not null,
    created_at     timestamptz not null,
    updated_at     timestamptz not null,
    version        bigint      not null default 0
);
-- One live enrolment per participant and session.
create unique index enrolment_live on enrolment (session_id, participant_id) where status <> 'WITHDRAWN';
create index enrolment_session on enrolment (session_id, status, created_at);
