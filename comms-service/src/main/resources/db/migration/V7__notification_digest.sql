-- The daily digest (DailyDigest): a notification of a category the person gets once a day waits here until the
-- digest that lists it is queued.
alter table notification add column digest_due boolean not null default false;
create index notification_digest_due on notification (recipient, created_at) where digest_due;
