package it.ngsiena.training;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.ngsiena.testkit.MailServerResource;
import it.ngsiena.testkit.OpenApiContract;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The training contract third-party frontends and Euronike's LMS build on. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(MailServerResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationIsNamedSummarisedSecuredAndHasItsErrors() {
        JsonPath doc = OpenApiContract.document();
        assertThat(OpenApiContract.gaps(
                        doc,
                        Set.of(
                                "/v1/training/calendar",
                                "/v1/training/certificates/{code}",
                                "/v1/training/topics",
                                "/v1/training/mail/unsubscribe",
                                "/v1/training/labels")))
                .isEmpty();
        assertThat(doc.getList("paths.'/v1/training/courses'.post.'x-roles'"))
                .containsExactlyInAnyOrder("training-partner", "programme-admin");
        assertThat(doc.getList("paths.'/v1/training/calendar'.get.security"))
                .as("public: says it needs no token")
                .isEmpty();
        assertThat(doc.getMap("components.schemas"))
                .containsKeys(
                        "Course",
                        "Session",
                        "Participant",
                        "Enrolment",
                        "AttendanceRequest",
                        "CertificateVerification",
                        "ParticipantExport",
                        "Problem");
    }
}
