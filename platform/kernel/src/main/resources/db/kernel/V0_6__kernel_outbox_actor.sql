-- Who made each event happen (it.ngsiena.kernel.events.Actor), sent with it as the CloudEvents extension
-- attributes actorsub, actorclient and actorrole. Events appended before this migration have none.
alter table outbox_event add column actor_sub text;
alter table outbox_event add column actor_client text;
alter table outbox_event add column actor_role text;
