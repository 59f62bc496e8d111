-- Erased participants (it.ngsiena.training.participant.erased.v1), by the SHA-256 of their id, never the id: each
-- has one pseudonym that replaces the id in every feed row naming them, rows stored later and rebuilt ones
-- included (ParticipantErasures).
create table participant_erasure (
    id_sha256  text        primary key,
    pseudonym  uuid        not null unique,
    erased_at  timestamptz not null
);

-- The hash of the participant an event's data names, as ParticipantErased.sha256Of computes it. Declared
-- immutable for the index below: convert_to is only stable because it reads the database's encoding, which a
-- database never changes.
create function participant_id_sha256(data jsonb) returns text language sql immutable parallel safe as $$
    select encode(sha256(convert_to(data ->> 'participantId', 'UTF8')), 'hex')
$$;

-- An erasure finds the rows of its participant without reading the feed.
create index activity_participant on activity (participant_id_sha256(data)) where data ? 'participantId';
