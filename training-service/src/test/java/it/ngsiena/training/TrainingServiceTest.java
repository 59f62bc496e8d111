package it.ngsiena.training;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.ServiceWiringTest;

/** The service's wiring: database with the kernel's tables, Kafka, health, status and OpenAPI. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class TrainingServiceTest extends ServiceWiringTest {

    TrainingServiceTest() {
        super("training");
    }
}
