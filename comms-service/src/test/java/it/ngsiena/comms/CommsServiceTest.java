package it.ngsiena.comms;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.ServiceWiringTest;

/** The service's wiring: database with the kernel's tables, Kafka, health, status and OpenAPI. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class CommsServiceTest extends ServiceWiringTest {

    CommsServiceTest() {
        super("comms");
    }
}
