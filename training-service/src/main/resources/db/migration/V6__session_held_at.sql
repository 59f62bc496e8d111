-- When a session took place, as the LMS says (occurredAt), apart from when it was recorded (updated_at).
-- Sessions held before this: the time they were recorded.
alter table training_session add column held_at timestamptz;
update training_session set held_at = updated_at where status = 'HELD';
