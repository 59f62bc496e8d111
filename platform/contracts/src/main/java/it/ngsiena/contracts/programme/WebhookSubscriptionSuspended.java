package it.ngsiena.contracts.programme;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A webhook subscription is suspended until its owner (or the admin) resumes it: its deliveries failed for
 * longer than the retry window ({@link #DELIVERIES_FAILING}; it starts again from the event that failed), or its
 * owner no longer may receive what it was granted ({@link #OWNER_NOT_ENTITLED}: the account was deleted or
 * disabled, or lost the role or municipality). Addressed to its owner's account ({@code addressedTo}:
 * {@code subject:<sub>}; for subscriptions older than subjects, the owner's reader name such as
 * {@code officer:052015}) and the admin; the e-mail to its contact says the same.
 */
public record WebhookSubscriptionSuspended(
        UUID subscriptionId,
        String addressedTo,
        OffsetDateTime failingSince,
        String lastError,
        OffsetDateTime suspendedAt,
        String reason) {

    public static final String TYPE = "it.ngsiena.programme.webhook-subscription.suspended.v1";
    public static final String DELIVERIES_FAILING = "DELIVERIES_FAILING";
    public static final String OWNER_NOT_ENTITLED = "OWNER_NOT_ENTITLED";
}
