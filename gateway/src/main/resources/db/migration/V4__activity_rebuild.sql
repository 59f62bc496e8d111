-- Scratch table of a rebuild: every event read again from the beginning of the topics.
create table activity_rebuild (like activity including defaults);
alter table activity_rebuild drop column seq;
alter table activity_rebuild add primary key (event_id);
