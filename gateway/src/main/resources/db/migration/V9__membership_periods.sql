-- A municipality may join, leave and join again, and take part as the lead, a member or an observer:
-- its membership becomes a list of periods. Each existing membership becomes one MEMBER period.
create table programme_membership_period (
    istat_code text not null references programme_membership (istat_code) on delete cascade,
    joined_on  date not null,
    left_on    date,
    role       text not null check (role in ('LEAD', 'MEMBER', 'OBSERVER')),
    primary key (istat_code, joined_on),
    check (left_on is null or left_on > joined_on)
);
insert into programme_membership_period (istat_code, joined_on, left_on, role)
select istat_code, joined_on, left_on, 'MEMBER' from programme_membership;
alter table programme_membership drop column joined_on;
alter table programme_membership drop column left_on;
