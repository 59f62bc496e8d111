-- Participants are mailed about their enrolments (mail package). mail_token is the credential of the unsubscribe
-- link in every such mail; mail_opt_out_at when the person used it (nothing more is mailed to them).
alter table participant add column mail_token text;
update participant set mail_token = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
alter table participant alter column mail_token set not null;
alter table participant add constraint participant_mail_token unique (mail_token);
alter table participant add column mail_opt_out_at timestamptz;
