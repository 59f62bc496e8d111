-- Erasure on request (GDPR art. 17): the person's identifying fields are cleared and the time recorded;
-- the row stays so that enrolments, attendance and certificates keep counting in the reports.
alter table participant alter column given_name drop not null;
alter table participant alter column family_name drop not null;
alter table participant alter column email drop not null;
alter table participant add column erased_at timestamptz;
