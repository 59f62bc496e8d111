package it.ngsiena.participation;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import it.ngsiena.testkit.PlatformTestResource;
import it.ngsiena.testkit.ServiceWiringTest;
import org.junit.jupiter.api.Test;

/** The service's wiring: database with the kernel's tables, Kafka, health, status and OpenAPI. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class ParticipationServiceTest extends ServiceWiringTest {

    ParticipationServiceTest() {
        super("participation");
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void controlCharactersInBodiesAre400Problems() {
        assertControlCharactersRefusedIn("/v1/participation/needs");
    }
}
