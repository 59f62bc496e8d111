package it.ngsiena.feasibility;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.ngsiena.testkit.OpenApiContract;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The feasibility contract that frontends and Open Impact's tools build on. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationIsNamedSummarisedSecuredAndHasItsErrors() {
        JsonPath doc = OpenApiContract.document();
        assertThat(OpenApiContract.gaps(
                        doc,
                        Set.of(
                                "/v1/feasibility/pnrr-components",
                                "/v1/feasibility/funding-opportunities",
                                "/v1/feasibility/funding-opportunities/{id}",
                                "/v1/feasibility/labels")))
                .isEmpty();
        assertThat(doc.getList("paths.'/v1/feasibility/studies/{id}/complete'.post.'x-roles'"))
                .containsExactlyInAnyOrder("feasibility-partner", "programme-admin");
        assertThat(doc.getMap("components.schemas"))
                .containsKeys(
                        "Study",
                        "StudyRequest",
                        "StudyCompleteRequest",
                        "FundingSource",
                        "FundingOpportunity",
                        "OpportunityMatch",
                        "FeasibilitySummary",
                        "Problem");
    }
}
