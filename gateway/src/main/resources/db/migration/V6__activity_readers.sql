-- Who may see each feed entry, in the names of it.ngsiena.contracts.Readers, from the visibility that
-- the event catalogue declares for its type (replaces public_event, which knew only "anonymous or not").
-- Rows stored before this migration keep what public_event allowed and are otherwise shown to the
-- admin only, until a rebuild (POST /v1/admin/read-models/rebuild) derives their readers from the catalogue.
alter table activity add column readers varchar[] not null default '{admin}';
update activity set readers = '{public}' where public_event;
alter table activity alter column readers drop default;
drop index activity_public_seq;
alter table activity drop column public_event;
create index activity_readers on activity using gin (readers);

alter table activity_rebuild add column readers varchar[];
alter table activity_rebuild drop column public_event;
