package it.ngsiena.gateway.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.EmptyWebhookSecretException;
import com.standardwebhooks.exceptions.WebhookVerificationException;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.provider.EventFormatProvider;
import it.ngsiena.testkit.WebhookReceiver;
import java.util.List;
import java.util.Map;

/**
 * What a receiver built on the reference libraries makes of a delivery, not on ours: the Standard Webhooks Java
 * library checks the signature (and the timestamp, within its five minutes), the CloudEvents SDK reads the body
 * by its content type.
 */
final class ReferenceReceiver {

    private ReferenceReceiver() {}

    /** Whether the Standard Webhooks library accepts the delivery as signed with this secret. */
    static boolean verifies(String secret, WebhookReceiver.Delivery delivery) {
        try {
            new Webhook(secret)
                    .verify(
                            delivery.text(),
                            Map.of(
                                    "webhook-id", List.of(delivery.webhookId()),
                                    "webhook-timestamp", List.of(delivery.webhookTimestamp()),
                                    "webhook-signature", List.of(delivery.webhookSignature())));
            return true;
        } catch (WebhookVerificationException e) {
            return false;
        } catch (EmptyWebhookSecretException e) {
            throw new AssertionError("a subscription's secret is never empty", e);
        }
    }

    /** The delivery's body read by the CloudEvents SDK, in the format its Content-Type names. */
    static CloudEvent cloudEvent(WebhookReceiver.Delivery delivery) {
        var format = EventFormatProvider.getInstance().resolveFormat(delivery.contentType());
        if (format == null) {
            throw new AssertionError("the CloudEvents SDK knows no format " + delivery.contentType());
        }
        return format.deserialize(delivery.body());
    }
}
