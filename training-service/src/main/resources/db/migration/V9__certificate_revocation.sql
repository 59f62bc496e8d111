-- A certificate can be revoked (by the training partner, or by attendance corrected below the threshold)
-- and a new one issued after a correction: one valid certificate per participant and course, any number
-- of revoked ones kept for verification.
alter table certificate
    add column revoked_at        timestamptz,
    add column revocation_reason text;
alter table certificate drop constraint certificate_course_id_participant_id_key;
create unique index certificate_one_valid on certificate (course_id, participant_id) where revoked_at is null;
