create table course (
    id                            uuid primary key,
    title                         text          not null,
    topic                         text          not null,
    description                   text          not null,
    planned_hours                 numeric(6, 2) not null,
    certificate_threshold_percent int           not null check (certificate_threshold_percent between 1 and 100),
    created_at                    timestamptz   not null,
    updated_at                    timestamptz   not null,
    version                       bigint        not null default 0
);

create table training_session (
    id              uuid primary key,
    course_id       uuid          not null references course (id),
    title           text          not null,
    format          text          not null,
    starts_at       timestamptz   not null,
    ends_at         timestamptz   not null,
    venue           text,
    meeting_link    text,
    capacity        int           not null check (capacity > 0),
    trainer         text,
    status          text          not null,
    delivered_hours numeric(6, 2),
    cancel_reason   text,
    created_at      timestamptz   not null,
    updated_at      timestamptz   not null,
    version         bigint        not null default 0,
    check (ends_at > starts_at)
);
create index training_session_starts on training_session (starts_at, id);
create index training_session_course on training_session (course_id, starts_at);
