-- Webhook subscriptions: an owner's HTTPS endpoint that receives the feed's events it may read, in feed order.
create table webhook_subscription (
    id                    uuid primary key,
    owner                 text        not null,
    -- what the owner could read when they registered it (it.ngsiena.contracts.Readers names): a delivery
    -- never carries an event whose readers share no name with these
    owner_grants          varchar[]   not null,
    contact_email         text        not null,
    url                   text        not null,
    description           text,
    workstream            text,
    event_types           text[],
    municipality          text,
    status                text        not null,
    -- the feed position (activity.seq) of the last event delivered, or skipped by the filters
    position              bigint      not null,
    secret                text        not null,
    previous_secret       text,
    previous_secret_until timestamptz,
    next_attempt_at       timestamptz not null,
    failing_since         timestamptz,
    failed_attempts       integer     not null default 0,
    last_error            text,
    suspended_at          timestamptz,
    -- the suspension's e-mail to the owner is still to be sent (sent after the commit, kept until it went)
    notice_pending        boolean     not null default false,
    -- one gateway replica works on a subscription at a time: the one whose lease has not run out
    leased_until          timestamptz,
    version               bigint      not null default 0,
    created_at            timestamptz not null,
    updated_at            timestamptz not null
);
create index webhook_subscription_due on webhook_subscription (next_attempt_at) where status = 'ACTIVE';
create index webhook_subscription_owner on webhook_subscription (owner);

-- Every attempt to deliver an event, for the owner to read.
create table webhook_delivery (
    id              bigint generated always as identity primary key,
    subscription_id uuid        not null references webhook_subscription (id) on delete cascade,
    event_id        text        not null,
    event_type      text        not null,
    position        bigint      not null,
    attempt         integer     not null,
    outcome         text        not null,
    http_status     integer,
    error           text,
    latency_ms      integer     not null,
    attempted_at    timestamptz not null
);
create index webhook_delivery_subscription on webhook_delivery (subscription_id, id desc);
