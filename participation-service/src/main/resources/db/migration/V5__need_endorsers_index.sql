-- The need list's municipality filter matches the municipalities a need names or the ones endorsing it;
-- with an index on each array PostgreSQL combines both instead of reading every need (issue 20, part 8).
create index need_endorsers on need using gin (endorsers);
