-- The rebuild's scratch table is refilled from Kafka by every rebuild, so it needs no write-ahead log
-- (PostgreSQL empties an unlogged table after a crash, which costs nothing here). It is filled with
-- COPY, which cannot skip an event id it already has; so instead of a primary key, rows are numbered
-- as they are read, and the merge keeps the first row of each event id, as the live feed does.
alter table activity_rebuild set unlogged;
alter table activity_rebuild drop constraint activity_rebuild_pkey;
alter table activity_rebuild add column read_order bigint generated always as identity;
