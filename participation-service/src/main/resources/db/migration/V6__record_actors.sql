-- Who created and who last changed each record (it.ngsiena.kernel.persistence.AuditedEntity); unknown
-- (null) for rows written before.
alter table need add column created_by text, add column updated_by text;
alter table workshop add column created_by text, add column updated_by text;
