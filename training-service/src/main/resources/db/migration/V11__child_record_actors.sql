-- Who created and who last changed the rows that hang off the aggregates too
-- (it.ngsiena.kernel.persistence.AttributedEntity); unknown (null) for rows written before.
alter table attendance add column created_by text, add column updated_by text;
alter table certificate add column created_by text, add column updated_by text;
