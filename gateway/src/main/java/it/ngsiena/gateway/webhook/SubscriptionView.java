package it.ngsiena.gateway.webhook;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A webhook subscription as its owner reads it (never its secret). */
@Schema(name = "WebhookSubscription")
public record SubscriptionView(
        UUID id,

        @Schema(example = "https://protocollo.comune.montepulciano.si.it/ngs/eventi")
        String url,

        @Schema(
                description = "Where the platform writes when the subscription is suspended",
                example = "ced@comune.montepulciano.si.it")
        String contactEmail,

        @Schema(example = "Protocollo informatico") String description,

        @Schema(description = "Only events of this workstream; absent: any", example = "participation")
        String workstream,

        @Schema(description = "Only events of these types; empty: any")
        List<String> eventTypes,

        @Schema(description = "Only events about this municipality (ISTAT code); absent: any", example = "052015")
        String municipality,

        @Schema(
                description = "ACTIVE: deliveries run; SUSPENDED: they failed for longer than the retry window and"
                        + " wait for resumeWebhookSubscription")
        WebhookSubscription.Status status,

        @Schema(
                description = "Position in the feed up to which every matching event has been delivered (the"
                        + " item's id in the SSE stream, the ngsposition attribute of deliveries)",
                example = "1042")
        long position,

        @Schema(description = "Since when the next event has failed to be delivered; absent while deliveries succeed")
        OffsetDateTime failingSince,

        @Schema(description = "Failed attempts in a row", example = "0")
        int failedAttempts,

        @Schema(description = "Why the last attempt failed", example = "answered 503")
        String lastError,

        @Schema(description = "When the next attempt is due")
        OffsetDateTime nextAttemptAt,

        OffsetDateTime suspendedAt,

        @Schema(
                description = "Why it is suspended: its deliveries failed for the retry window (DELIVERIES_FAILING),"
                        + " or its owner may no longer receive them (OWNER_NOT_ENTITLED: the account was deleted,"
                        + " disabled, or lost the role or municipality it was registered with; lastError says which)",
                enumeration = {"DELIVERIES_FAILING", "OWNER_NOT_ENTITLED"},
                example = "OWNER_NOT_ENTITLED")
        String suspensionReason,

        @Schema(description = "Until when deliveries are also signed with the secret before the last rotation")
        OffsetDateTime previousSecretValidUntil,

        OffsetDateTime createdAt,
        OffsetDateTime updatedAt) {

    static SubscriptionView of(WebhookSubscription s) {
        return new SubscriptionView(
                s.id,
                s.url,
                s.contactEmail,
                s.description,
                s.workstream,
                s.eventTypes == null ? List.of() : s.eventTypes,
                s.municipality,
                s.status,
                s.position,
                s.failingSince,
                s.failedAttempts,
                s.lastError,
                s.nextAttemptAt,
                s.suspendedAt,
                s.suspensionReason,
                s.previousSecretUntil,
                s.createdAt,
                s.updatedAt);
    }
}
