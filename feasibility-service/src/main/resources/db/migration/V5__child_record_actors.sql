-- Who created and who last changed the rows that hang off the aggregates too
-- (it.ngsiena.kernel.persistence.AttributedEntity); unknown (null) for rows written before.
alter table study_milestone add column created_by text, add column updated_by text;
alter table study_document add column created_by text, add column updated_by text;
alter table impact_indicator add column created_by text, add column updated_by text;
alter table study_opportunity add column created_by text, add column updated_by text;
