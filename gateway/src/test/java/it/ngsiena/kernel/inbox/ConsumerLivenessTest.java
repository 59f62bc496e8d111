package it.ngsiena.kernel.inbox;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.gateway.FaultyKafkaClients;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Liveness follows the consumer (in the gateway, which consumes every topic): DOWN once its thread has
 * ended while it should run (an Error, which no supervision catches), UP again when it runs. In the
 * kernel's package, to start the consumer again as the service does.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class ConsumerLivenessTest {

    @Inject
    EventConsumer consumer;

    @Test
    void livenessIsDownWhileTheConsumerThreadIsGone() {
        given().when().get("/q/health/live").then().statusCode(200);
        FaultyKafkaClients.KILL_NEXT_POLL.set(true);
        try {
            await().atMost(Duration.ofSeconds(10))
                    .untilAsserted(() -> given().when()
                            .get("/q/health/live")
                            .then()
                            .statusCode(503)
                            .body("checks.find { it.name == 'event-consumer' }.status", equalTo("DOWN")));
        } finally {
            consumer.stop(null);
            consumer.start(null);
        }
        await().atMost(Duration.ofSeconds(10))
                .untilAsserted(() -> given().when().get("/q/health/live").then().statusCode(200));
    }
}
