-- A subscription belongs to its owner's account, by the token subject (sub): a name can be given to a new
-- account after the old one is deleted, a subject cannot. Subscriptions made before this have none; the
-- owner check looks their subject up by name once (WebhookSubscription.ownerSubject).
alter table webhook_subscription add column owner_subject text;
create index webhook_subscription_owner_subject on webhook_subscription (owner_subject);
-- Why a suspended subscription was suspended: DELIVERIES_FAILING or OWNER_NOT_ENTITLED (null: the former, or active).
alter table webhook_subscription add column suspension_reason text;
