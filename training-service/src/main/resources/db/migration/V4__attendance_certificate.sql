create table attendance (
    session_id     uuid          not null references training_session (id),
    participant_id uuid          not null references participant (id),
    course_id      uuid          not null references course (id),
    municipality   text          not null,
    hours          numeric(6, 2) not null check (hours >= 0),
    primary key (session_id, participant_id)
);
create index attendance_course on attendance (course_id, participant_id);

create table certificate (
    id             uuid primary key,
    code           text          not null unique,
    course_id      uuid          not null references course (id),
    participant_id uuid          not null references participant (id),
    municipality   text          not null,
    attended_hours numeric(6, 2) not null,
    issued_at      timestamptz   not null,
    unique (course_id, participant_id)
);
