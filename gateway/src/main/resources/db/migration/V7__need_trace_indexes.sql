-- The need trace (NeedTrace) looked for its events by JSON fields with no index: every trace read the whole
-- feed, and the soak test (bench/soak) saw its p99 double in ten minutes of writes. One index per lookup,
-- each limited to the workstream whose events carry the field.
create index activity_need_events on activity ((data->>'needId')) where workstream = 'participation';
create index activity_study_events on activity ((data->>'studyId')) where workstream = 'feasibility';
create index activity_study_needs on activity using gin ((data->'needIds') jsonb_path_ops)
    where workstream = 'feasibility';
create index activity_comms_events on activity (seq) where workstream = 'comms';
