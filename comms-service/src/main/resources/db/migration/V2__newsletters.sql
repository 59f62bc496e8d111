-- Newsletter subscribers (personal data: the e-mail, readable by the comms partner and the admin only),
-- newsletters composed from published announcements, and the log of every message sent.
create table subscriber (
    id                 uuid primary key,
    email              text unique,
    language           text        not null,
    topics             text[]      not null,
    municipalities     text[]      not null,
    status             text        not null,
    confirm_token      text        not null unique,
    unsubscribe_token  text        not null unique,
    consent_at         timestamptz,
    unsubscribed_at    timestamptz,
    erased_at          timestamptz,
    created_at         timestamptz not null,
    updated_at         timestamptz not null,
    version            bigint      not null default 0
);

create table newsletter (
    id                uuid primary key,
    subject           text        not null,
    language          text        not null,
    topics            text[]      not null,
    municipalities    text[]      not null,
    announcement_ids  uuid[]      not null,
    status            text        not null,
    sent_at           timestamptz,
    recipients        integer,
    created_at        timestamptz not null,
    updated_at        timestamptz not null,
    version           bigint      not null default 0
);
create index newsletter_sent on newsletter (status, sent_at desc);

create table newsletter_delivery (
    newsletter_id  uuid        not null references newsletter (id),
    subscriber_id  uuid        not null references subscriber (id),
    sent_at        timestamptz not null,
    outcome        text        not null,
    primary key (newsletter_id, subscriber_id)
);
