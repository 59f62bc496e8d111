-- When a workshop took place, as the facilitator says (occurredAt), apart from when it was recorded
-- (updated_at). Workshops held before this: the time they were recorded.
alter table workshop add column held_at timestamptz;
update workshop set held_at = updated_at where status = 'HELD';
