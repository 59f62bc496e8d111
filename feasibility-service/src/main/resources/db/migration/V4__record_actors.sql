-- Who created and who last changed each record (it.ngsiena.kernel.persistence.AuditedEntity); unknown
-- (null) for rows written before.
alter table study add column created_by text, add column updated_by text;
alter table funding_source add column created_by text, add column updated_by text;
alter table funding_opportunity add column created_by text, add column updated_by text;
