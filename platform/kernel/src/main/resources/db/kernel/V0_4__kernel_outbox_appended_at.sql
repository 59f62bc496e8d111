-- When each event entered the outbox (its occurred_at may be a partner's historical date): the relay
-- reports the age of the oldest one not yet published (ngs_outbox_oldest_unsent_seconds).
alter table outbox_event add column appended_at timestamptz not null default now();
