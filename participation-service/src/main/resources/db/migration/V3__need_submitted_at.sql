-- When a need was collected, as the submitter says (occurredAt), apart from when the platform received it
-- (created_at): a partner importing its 2022 records keeps their dates. Needs before this: the same.
alter table need add column submitted_at timestamptz;
update need set submitted_at = created_at;
alter table need alter column submitted_at set not null;
