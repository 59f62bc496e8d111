-- The mail queue (ngs-mail, kernel.mail): mails written in the transaction of the change that causes them, sent by
-- MailQueueWorker. The key is the mail's identity (one per recipient and notification): a second mail with the
-- same key is never queued. due_at is when to try next (null once sent or given up). Numbered 0.100 so that the
-- kernel's own migrations (0.1, 0.2 ...) never meet it.
create table mail_queue (
    key         text        primary key,
    recipient   text        not null,
    subject     text        not null,
    text_body   text        not null,
    html_body   text,
    queued_at   timestamptz not null,
    due_at      timestamptz,
    attempts    integer     not null default 0,
    sent_at     timestamptz,
    last_error  text
);
create index mail_queue_due on mail_queue (due_at) where due_at is not null;
