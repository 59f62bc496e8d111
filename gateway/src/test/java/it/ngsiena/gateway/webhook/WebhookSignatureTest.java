package it.ngsiena.gateway.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import it.ngsiena.testkit.WebhookReceiver;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {

    private static WebhookReceiver.Delivery delivery(String id, long timestamp, String signature, String body) {
        return new WebhookReceiver.Delivery(
                id,
                Long.toString(timestamp),
                signature,
                "application/cloudevents+json",
                "receiver",
                body.getBytes(StandardCharsets.UTF_8),
                java.time.Instant.now());
    }

    @Test
    void theReceiversCheckAcceptsOurSignatureAndNothingAltered() {
        String secret = WebhookSignature.newSecret();
        long now = Instant.now().getEpochSecond();
        String body = "{\"id\":\"e1\"}";
        String header = WebhookSignature.header(List.of(secret), "e1", now, body.getBytes(StandardCharsets.UTF_8));
        Instant at = Instant.ofEpochSecond(now);
        Duration tolerance = Duration.ofMinutes(5);

        assertThat(header).startsWith("v1,");
        assertThat(WebhookReceiver.verify(secret, delivery("e1", now, header, body), tolerance, at))
                .isTrue();
        assertThat(WebhookReceiver.verify(secret, delivery("e1", now, header, "{\"id\":\"e2\"}"), tolerance, at))
                .isFalse();
        assertThat(WebhookReceiver.verify(secret, delivery("e2", now, header, body), tolerance, at))
                .isFalse();
        assertThat(WebhookReceiver.verify(secret, delivery("e1", now + 1, header, body), tolerance, at))
                .isFalse();
        assertThat(WebhookReceiver.verify(
                        WebhookSignature.newSecret(), delivery("e1", now, header, body), tolerance, at))
                .isFalse();
        // a replayed delivery: right signature, but older than the tolerance
        assertThat(WebhookReceiver.verify(secret, delivery("e1", now, header, body), tolerance, at.plusSeconds(301)))
                .isFalse();
    }

    @Test
    void duringARotationEitherSecretVerifies() {
        String old = WebhookSignature.newSecret();
        String current = WebhookSignature.newSecret();
        long now = Instant.now().getEpochSecond();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        String header = WebhookSignature.header(List.of(current, old), "e1", now, body);
        assertThat(header.split(" ")).hasSize(2);
        for (String secret : List.of(old, current)) {
            assertThat(WebhookReceiver.verify(
                            secret,
                            delivery("e1", now, header, "{}"),
                            Duration.ofMinutes(5),
                            Instant.ofEpochSecond(now)))
                    .isTrue();
        }
    }
}
