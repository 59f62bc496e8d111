package it.ngsiena.participation;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.ngsiena.testkit.OpenApiContract;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The participation contract third-party frontends build on: every operation named, secured, with its errors. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpenApiDocumentTest {

    @Test
    void everyOperationIsNamedSummarisedSecuredAndHasItsErrors() {
        JsonPath doc = OpenApiContract.document();
        assertThat(OpenApiContract.gaps(doc, Set.of("/v1/participation/themes", "/v1/participation/labels")))
                .isEmpty();
        assertThat(doc.getList("paths.'/v1/participation/needs'.post.'x-roles'"))
                .contains("municipality-officer", "programme-admin");
        assertThat(doc.getMap("components.schemas"))
                .containsKeys("Need", "NeedRequest", "Problem", "Workshop", "NeedBatchRequest", "NeedBatchResponse");
        Object title = doc.get("components.schemas.NeedRequest.properties.title");
        assertThat(title.toString()).as("title has an example").containsPattern("examples?=");
    }
}
