-- The rebuild's scratch table is refilled from Kafka by every rebuild, so it needs no write-ahead log
-- (PostgreSQL empties an unlogged table after a crash, which costs nothing here).
alter table activity_rebuild set unlogged;
