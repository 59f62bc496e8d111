-- Retention (kernel RetentionPurge): what the purge looks for, by age.
create index idempotency_key_created on idempotency_key (created_at);
create index outbox_event_sent on outbox_event (sent_at) where sent_at is not null;
create index inbox_event_handled on inbox_event (handled_at);
