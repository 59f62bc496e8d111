-- The codes that join a study to the national records: the local project code (Codice Locale Progetto)
-- and the PNRR sub-measure (Codice Univoco Submisura, e.g. M1C1I1.01.00; mission, component and measure
-- are read from it). A CUP names one project: two studies never share one.
alter table study add column local_project_code text;
alter table study add column pnrr_sub_measure text;
create unique index study_cup on study (cup) where cup is not null;
