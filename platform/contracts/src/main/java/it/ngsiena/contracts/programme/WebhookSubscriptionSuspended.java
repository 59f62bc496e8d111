package it.ngsiena.contracts.programme;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The deliveries of a webhook subscription failed for longer than the retry window, so it is suspended
 * until its owner resumes it (nothing is lost: it starts again from the event that failed). Addressed to
 * its owner ({@code addressedTo}: the owner's reader name, e.g. {@code officer:052015} for an officer's,
 * {@code partner:training} for a partner's) and the admin; the e-mail to its contact says the same.
 */
public record WebhookSubscriptionSuspended(
        UUID subscriptionId,
        String addressedTo,
        OffsetDateTime failingSince,
        String lastError,
        OffsetDateTime suspendedAt) {

    public static final String TYPE = "it.ngsiena.programme.webhook-subscription.suspended.v1";
}
