-- Notifications (notification package): one row per person told of an event, kept as the person's inbox. A
-- person is named by the subject of their tokens (sub), never by an address: addresses stay in Keycloak.
create table notification (
    id          uuid        primary key,
    recipient   text        not null,
    event_id    text        not null,
    event_type  text        not null,
    category    text        not null,
    subject_id  text        not null,
    title_it    text        not null,
    title_en    text        not null,
    occurred_at timestamptz not null,
    created_at  timestamptz not null,
    read_at     timestamptz,
    -- an event redelivered, or read again in a rebuild, tells nobody twice
    unique (recipient, event_id)
);
create index notification_inbox on notification (recipient, created_at desc, id desc);
create index notification_unread on notification (recipient) where read_at is null;

-- The events to tell people of, stored with the event in the consumer's transaction and turned into notifications
-- by NotificationWorker, which asks Keycloak who the readers are: a directory that does not answer delays the
-- notifications and holds up nothing else.
create table notification_event (
    event_id    text        primary key,
    event_type  text        not null,
    subject_id  text        not null,
    occurred_at timestamptz not null,
    data        jsonb       not null,
    received_at timestamptz not null
);
