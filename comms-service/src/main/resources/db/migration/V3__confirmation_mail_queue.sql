-- Confirmation mails leave after the subscription has committed (ConfirmationMails), never inside the
-- request's transaction: confirmation_due_at says one is waiting (null: none), attempts count failed
-- sends. And at most a few per address in a window, so that nobody can mail-bomb an address.
alter table subscriber add column confirmation_due_at timestamptz;
alter table subscriber add column confirmation_attempts integer not null default 0;
alter table subscriber add column confirmations_window_start timestamptz;
alter table subscriber add column confirmations_in_window integer not null default 0;
create index subscriber_confirmation_due on subscriber (confirmation_due_at) where confirmation_due_at is not null;
