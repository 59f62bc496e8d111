package it.ngsiena.participation;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract third-party frontends build on: every operation named, summarised, with its errors. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class OpenApiDocumentTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyOperationHasAnIdASummaryAndItsErrorResponses() {
        JsonPath doc = given().queryParam("format", "json").when().get("/q/openapi").then().statusCode(200)
                .extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = doc.getMap("paths");
        List<String> missing = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, op) -> {
            String name = method.toUpperCase() + " " + path;
            if (op.get("operationId") == null) {
                missing.add(name + ": operationId");
            }
            if (op.get("summary") == null) {
                missing.add(name + ": summary");
            }
            Map<String, Object> responses = (Map<String, Object>) op.get("responses");
            boolean secured = op.get("security") != null || doc.get("security") != null;
            if (path.startsWith("/v1/") && secured && !path.endsWith("/themes")
                    && (responses == null || responses.keySet().stream().noneMatch(code -> code.startsWith("4")))) {
                missing.add(name + ": error responses");
            }
        }));
        assertThat(missing).isEmpty();
        assertThat(doc.getMap("components.schemas")).containsKeys("Need", "NeedRequest", "Problem", "Workshop",
                "NeedBatchRequest", "NeedBatchResponse");
        Object title = doc.get("components.schemas.NeedRequest.properties.title");
        assertThat(title.toString()).as("title has an example").containsPattern("examples?=");
    }
}
