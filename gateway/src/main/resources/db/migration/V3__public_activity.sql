-- Which feed entries anonymous callers may see (decided when the event is stored, see PublicEvents).
alter table activity add column public_event boolean not null default false;
create index activity_public_seq on activity (public_event, seq);
