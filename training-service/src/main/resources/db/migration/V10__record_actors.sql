-- Who created and who last changed each record (it.ngsiena.kernel.persistence.AuditedEntity); unknown
-- (null) for rows written before.
alter table course add column created_by text, add column updated_by text;
alter table training_session add column created_by text, add column updated_by text;
alter table participant add column created_by text, add column updated_by text;
alter table enrolment add column created_by text, add column updated_by text;
