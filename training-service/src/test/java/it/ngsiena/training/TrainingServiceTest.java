package it.ngsiena.training;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.ServiceWiringTest;
import org.junit.jupiter.api.Test;

/** The service's wiring: database with the kernel's tables, Kafka, health, status and OpenAPI. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class TrainingServiceTest extends ServiceWiringTest {

    TrainingServiceTest() {
        super("training");
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void controlCharactersInBodiesAre400Problems() {
        assertControlCharactersRefusedIn("/v1/training/courses");
    }
}
