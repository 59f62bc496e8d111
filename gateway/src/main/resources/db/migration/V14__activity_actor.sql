-- Who made each event happen, from its CloudEvents extensions actorsub, actorclient and actorrole
-- (it.ngsiena.kernel.events.Actor); null for events published before they carried them. A record's
-- history reads the feed by subject, the admin's audit feed by actor.
alter table activity add column actor_sub text, add column actor_client text, add column actor_role text;
alter table activity_rebuild add column actor_sub text, add column actor_client text, add column actor_role text;
create index activity_subject on activity (subject, occurred_at, seq);
create index activity_actor on activity (actor_sub, occurred_at desc, seq desc) where actor_sub is not null;

-- Who created and who last changed each record (it.ngsiena.kernel.persistence.AuditedEntity).
alter table programme_membership add column created_by text, add column updated_by text;
alter table webhook_subscription add column created_by text, add column updated_by text;
