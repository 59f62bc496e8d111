package it.ngsiena.gateway.webhook;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subscription with its signing secret: answered once, when it is made or the secret rotated. */
@Schema(name = "WebhookSubscriptionWithSecret")
public record SubscriptionSecret(
        @Schema(description = "The subscription as registered")
        SubscriptionView subscription,

        @Schema(
                description = "The signing secret (Standard Webhooks): keep it, it is not shown again",
                example = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")
        String secret) {}
