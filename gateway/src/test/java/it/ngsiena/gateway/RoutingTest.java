package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import it.ngsiena.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class RoutingTest {

    @Test
    void requestsAreForwardedWithTheCallersTokenAndHeaders() {
        given().header("Authorization", "Bearer abc.def.ghi").header("Idempotency-Key", "k-1")
                .contentType("application/json").body("{\"title\":\"Corso PNRR\"}")
                .when().post("/v1/training/courses?lang=it")
                .then().statusCode(201)
                .body("method", equalTo("POST"))
                .body("path", equalTo("/v1/training/courses"))
                .body("query", equalTo("lang=it"))
                .body("authorization", equalTo("Bearer abc.def.ghi"))
                .body("idempotencyKey", equalTo("k-1"))
                .body("bodyLength", equalTo(22))
                .header("Location", startsWith("http://localhost:"))
                .header("Location", containsString("/v1/training/courses/42"))
                .header("X-Secret-Internal", nullValue())
                .header("Server-Timing", org.hamcrest.Matchers.matchesPattern("training;dur=\\d+\\.\\d"));
        // The caller's request id is passed on and echoed; without one the gateway makes one up.
        given().header("X-Request-Id", "trace-123").when().get("/v1/training/courses")
                .then().statusCode(200).header("X-Request-Id", "trace-123").body("requestId", equalTo("trace-123"));
        String made = given().when().get("/v1/training/courses").then().statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .extract().header("X-Request-Id");
        given().header("X-Request-Id", "bad id with spaces").when().get("/v1/training/courses")
                .then().header("X-Request-Id", org.hamcrest.Matchers.not("bad id with spaces"));
        org.assertj.core.api.Assertions.assertThat(made).isNotBlank();
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aServiceThatIsDownIs503WhileTheGatewayKeepsAnswering() {
        given().when().get("/v1/participation/needs")
                .then().statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("participation"));
        given().when().get("/v1/activity").then().statusCode(200);
        // After three failures the circuit is open: still a 503 naming the service, without trying.
        given().when().get("/v1/participation/needs");
        given().when().get("/v1/participation/needs");
        given().when().get("/v1/participation/needs").then().statusCode(503)
                .body("detail", containsString("participation"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs504() {
        long started = System.nanoTime();
        given().when().get("/v1/training/slow")
                .then().statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("training"));
        // The gateway gave up after its timeout (1 s in tests), not when the service answered (3 s).
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(2900);
        given().when().get("/v1/training/courses").then().statusCode(200);
    }

    @Test
    void theMergedOpenApiDocumentHoldsTheGatewayAndTheServices() {
        given().when().get("/v1/openapi")
                .then().statusCode(200)
                .body("info.title", equalTo("Next Generation Siena platform API"))
                .body("'x-api-id'", equalTo("ngs-platform-v1"))
                .body("paths.'/v1/activity'.get.operationId", equalTo("listActivity"))
                .body("paths.'/v1/training/courses'.get.operationId", equalTo("listCourses"))
                .body("paths", not(hasItem("/v1/{workstream}/{path}")))
                .body("components.schemas.Course", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("tags.name", hasItem("Courses"))
                .body("components.securitySchemes.bearer.type", equalTo("openIdConnect"))
                .body("components.securitySchemes.bearer.openIdConnectUrl",
                        equalTo("http://127.0.0.1:8180/realms/ngs/.well-known/openid-configuration"))
                .body("'x-unavailable-services'", hasItem("participation"));
    }
}
