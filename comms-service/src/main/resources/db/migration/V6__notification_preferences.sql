-- How each person wants to be told (notification package): a language for mail, and per category IMMEDIATE (a mail
-- for each notification) or OFF (the inbox only). A person without a row: Italian, IMMEDIATE for every category.
create table notification_preference (
    recipient  text        primary key,
    language   text        not null,
    modes      jsonb       not null,
    updated_at timestamptz not null
);
