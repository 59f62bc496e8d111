-- Which municipalities have staff in a training session (notification package): kept from participant.enrolled
-- and enrolment.withdrawn, by enrolment (no participant, no name), so that a session moved or cancelled is told
-- to the officers of those municipalities. active: the enrolment holds a seat or a waiting place.
create table session_enrolment (
    enrolment_id uuid    primary key,
    session_id   uuid    not null,
    municipality text    not null,
    active       boolean not null
);
create index session_enrolment_session on session_enrolment (session_id) where active;
