-- Which municipalities take part in the programme, since when and until when (programme data).
create table programme_membership (
    istat_code text primary key,
    joined_on  date        not null,
    left_on    date,
    note       text,
    created_at timestamptz not null,
    updated_at timestamptz not null,
    version    bigint      not null default 0,
    check (left_on is null or left_on > joined_on)
);
