-- Shared kernel tables, present in every service's database.

-- Transactional outbox: events written with the change they report, published by the relay.
create table outbox_event (
    seq         bigint generated always as identity primary key,
    event_id    uuid        not null unique,
    topic       text        not null,
    event_type  text        not null,
    source      text        not null,
    subject     text        not null,
    occurred_at timestamptz not null,
    data        jsonb       not null,
    sent_at     timestamptz
);
create index outbox_event_unsent on outbox_event (seq) where sent_at is null;

-- Idempotent consumer: the events a consumer group has applied.
create table inbox_event (
    consumer   text        not null,
    event_id   text        not null,
    topic      text        not null,
    event_type text        not null,
    handled_at timestamptz not null,
    primary key (consumer, event_id)
);

-- Idempotency-Key on creates: the first response, replayed for a retry of the same request.
create table idempotency_key (
    scope        text        not null,
    key          text        not null,
    request_hash text        not null,
    status       int         not null,
    location     text,
    body         text        not null,
    created_at   timestamptz not null,
    primary key (scope, key)
);
