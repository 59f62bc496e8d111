-- Suspension notices are queued in the kernel's mail queue in the transaction that suspends (SuspensionNotices):
-- the flag that marked a notice still owed is no longer needed. A notice owed at the upgrade is queued here.
insert into mail_queue (key, recipient, subject, text_body, queued_at, due_at)
select 'webhook-suspended:' || id || ':upgrade', contact_email,
       'Next Generation Siena: webhook sospeso / webhook suspended',
       'La sottoscrizione webhook ' || id || ' è sospesa: ' || coalesce(last_error, '-') || E'\n'
           || 'The webhook subscription ' || id || ' is suspended: ' || coalesce(last_error, '-') || E'\n'
           || 'POST /v1/webhooks/' || id || '/resume',
       now(), now()
from webhook_subscription where notice_pending;
alter table webhook_subscription drop column notice_pending;
