package it.ngsiena.gateway.webhook;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt to deliver an event. */
@Schema(name = "WebhookDelivery")
public record DeliveryView(
        @Schema(description = "The event (CloudEvents id, the webhook-id header)")
        String eventId,

        @Schema(description = "The event's type", example = "it.ngsiena.participation.need.submitted.v1")
        String eventType,

        @Schema(description = "The event's position in the feed", example = "1042")
        long position,

        @Schema(description = "Attempt number for this event, from 1", example = "1")
        int attempt,

        @Schema(description = "DELIVERED: the receiver answered 2xx; FAILED: it will be tried again")
        WebhookDelivery.Outcome outcome,

        @Schema(description = "The receiver's HTTP status; absent when it did not answer", example = "204")
        Integer httpStatus,

        @Schema(description = "Why it failed", example = "connection refused or unreachable")
        String error,

        @Schema(description = "From sending to the answer, in milliseconds", example = "38")
        int latencyMs,

        OffsetDateTime attemptedAt) {

    static DeliveryView of(WebhookDelivery d) {
        return new DeliveryView(
                d.eventId,
                d.eventType,
                d.position,
                d.attempt,
                d.outcome,
                d.httpStatus,
                d.error,
                d.latencyMs,
                d.attemptedAt);
    }
}
