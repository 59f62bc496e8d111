package it.ngsiena.gateway.webhook;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a subscription's delivery log, newest attempt first. */
@Schema(name = "WebhookDeliveryPage")
public record DeliveryPage(
        @Schema(description = "The attempts, newest first") List<DeliveryView> items,

        @Schema(description = "Pass as cursor for older attempts; absent on the last page", example = "4711")
        String nextCursor) {}
