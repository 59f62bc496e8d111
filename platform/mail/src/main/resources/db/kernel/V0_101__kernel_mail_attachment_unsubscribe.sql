-- A mail may carry one attachment (a training session's .ics) and a one-click unsubscribe address (RFC 8058),
-- sent as the List-Unsubscribe header.
alter table mail_queue add column attachment_name text;
alter table mail_queue add column attachment_type text;
alter table mail_queue add column attachment_body text;
alter table mail_queue add column unsubscribe_url text;
create index mail_queue_recipient on mail_queue (recipient);
