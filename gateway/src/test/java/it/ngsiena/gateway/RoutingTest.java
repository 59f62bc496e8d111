package it.ngsiena.gateway;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
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
        given().header("Authorization", "Bearer abc.def.ghi")
                .header("Idempotency-Key", "k-1")
                .contentType("application/json")
                .body("{\"title\":\"Corso PNRR\"}")
                .when()
                .post("/v1/training/courses?lang=it")
                .then()
                .statusCode(201)
                .body("method", equalTo("POST"))
                .body("path", equalTo("/v1/training/courses"))
                .body("query", equalTo("lang=it"))
                .body("authorization", equalTo("Bearer abc.def.ghi"))
                .body("idempotencyKey", equalTo("k-1"))
                .body("bodyLength", equalTo(22))
                .header("Location", equalTo("https://api.ngsiena.test/v1/training/courses/42"))
                .header("X-Secret-Internal", nullValue())
                .header("Server-Timing", org.hamcrest.Matchers.matchesPattern("training;dur=\\d+\\.\\d"));
        // The caller's request id is passed on and echoed; without one the gateway makes one up.
        given().header("X-Request-Id", "trace-123")
                .when()
                .get("/v1/training/courses")
                .then()
                .statusCode(200)
                .header("X-Request-Id", "trace-123")
                .body("requestId", equalTo("trace-123"));
        String made = given().when()
                .get("/v1/training/courses")
                .then()
                .statusCode(200)
                .header("X-Request-Id", org.hamcrest.Matchers.matchesPattern("[0-9a-f-]{36}"))
                .extract()
                .header("X-Request-Id");
        given().header("X-Request-Id", "bad id with spaces")
                .when()
                .get("/v1/training/courses")
                .then()
                .header("X-Request-Id", org.hamcrest.Matchers.not("bad id with spaces"));
        org.assertj.core.api.Assertions.assertThat(made).isNotBlank();
    }

    @Test
    @TestSecurity(user = "viewer", roles = "viewer")
    void aServiceThatIsDownIs503WhileTheGatewayKeepsAnswering() {
        given().when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(503)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("participation"));
        given().when().get("/v1/activity").then().statusCode(200);
        // After three failures the circuit is open: still a 503 naming the service, without trying.
        given().when().get("/v1/participation/needs");
        given().when().get("/v1/participation/needs");
        given().when()
                .get("/v1/participation/needs")
                .then()
                .statusCode(503)
                .body("detail", containsString("participation"));
    }

    @Test
    void aServiceThatDoesNotAnswerInTimeIs504() {
        long started = System.nanoTime();
        given().when()
                .get("/v1/training/slow")
                .then()
                .statusCode(504)
                .contentType("application/problem+json")
                .header("Retry-After", "5")
                .body("detail", containsString("training"));
        // The gateway gave up after its timeout (1 s in tests), not when the service answered (3 s).
        org.assertj.core.api.Assertions.assertThat((System.nanoTime() - started) / 1_000_000)
                .isLessThan(2900);
        given().when().get("/v1/training/courses").then().statusCode(200);
    }

    @Test
    void theMergedOpenApiDocumentHoldsTheGatewayAndTheServices() {
        given().when()
                .get("/v1/openapi")
                .then()
                .statusCode(200)
                .body("info.title", equalTo("Next Generation Siena platform API"))
                .body("'x-api-id'", equalTo("ngs-platform-v1"))
                .body("paths.'/v1/activity'.get.operationId", equalTo("listActivity"))
                .body("paths.'/v1/training/courses'.get.operationId", equalTo("listCourses"))
                .body("paths", not(hasItem("/v1/{workstream}/{path}")))
                .body("components.schemas.Course", notNullValue())
                .body("components.schemas.Problem", notNullValue())
                .body("tags.name", hasItem("Courses"))
                .body("components.securitySchemes.bearer.type", equalTo("http"))
                .body("components.securitySchemes.bearer.scheme", equalTo("bearer"))
                .body(
                        "components.securitySchemes.oauth2.flows.clientCredentials.tokenUrl",
                        equalTo("http://127.0.0.1:8180/realms/ngs/protocol/openid-connect/token"))
                .body(
                        "components.securitySchemes.oauth2.flows.authorizationCode.authorizationUrl",
                        equalTo("http://127.0.0.1:8180/realms/ngs/protocol/openid-connect/auth"))
                .body("servers[0].url", notNullValue())
                // a token is offered both ways; a public operation asks for none
                .body("paths.'/v1/admin/dead-letters'.get.security", hasItem(hasKey("oauth2")))
                .body("paths.'/v1/activity'.get.security", empty())
                .body("'x-unavailable-services'", hasItem("participation"));
    }

    @Test
    void noRequestHeaderDecidesAUrl() throws Exception {
        // A Host header naming a port of this machine: nothing connects to it, and the URLs stay the configured ones.
        try (java.net.ServerSocket trap = new java.net.ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress())) {
            trap.setSoTimeout(1500);
            String host = "127.0.0.1:" + trap.getLocalPort();
            given().header("Host", host)
                    .when()
                    .get("/v1/openapi")
                    .then()
                    .statusCode(200)
                    .body("paths.'/v1/activity'.get.operationId", equalTo("listActivity"));
            given().header("Host", host)
                    .contentType("application/json")
                    .body("{}")
                    .when()
                    .post("/v1/training/courses")
                    .then()
                    .statusCode(201)
                    .header("Location", equalTo("https://api.ngsiena.test/v1/training/courses/42"));
            given().header("Host", host)
                    .queryParam("limit", 1)
                    .when()
                    .get("/v1/activity")
                    .then()
                    .statusCode(200)
                    .header(
                            "Link",
                            org.hamcrest.Matchers.anyOf(
                                    nullValue(), startsWith("<https://api.ngsiena.test/v1/activity?")));
            org.assertj.core.api.Assertions.assertThatThrownBy(trap::accept)
                    .as("the gateway connected to the port the Host header named")
                    .isInstanceOf(java.net.SocketTimeoutException.class);
        }
    }

    @Test
    void pathsThatCouldClimbOutOfTheWorkstreamAreRefused() {
        // Vert.x resolves dot segments before routing: this one leaves the workstream and no route takes it.
        given().urlEncodingEnabled(false)
                .when()
                .get("/v1/training/courses/%2e%2e/%2e%2e/q/health")
                .then()
                .statusCode(404);
        // These stay under /v1/training once resolved, so they reach the proxy, which refuses them as sent.
        for (String path : java.util.List.of(
                "/v1/training/x/%2e%2e/courses", "/v1/training/a%2fb", "/v1/training/a%5Cb", "/v1/training/x/%2E/y")) {
            given().urlEncodingEnabled(false)
                    .when()
                    .get(path)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json");
        }
    }

    @Test
    void everyWorkstreamIsRoutedAndTheGatewaysOwnPathsStayItsOwn() {
        // the proxy takes /v1/<any segment>/...: a workstream is forwarded, anything else is a 404 problem
        given().when()
                .get("/v1/marketing/flyers")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("detail", containsString("marketing"));
        given().when().get("/v1/training/courses").then().statusCode(200).body("path", equalTo("/v1/training/courses"));
        // resources of the gateway under /v1 with two segments or more are not taken by the proxy
        given().when()
                .get("/v1/municipalities/052032/overview")
                .then()
                .statusCode(200)
                .body("istat", equalTo("052032"));
        given().when().get("/v1/programme/kpis").then().statusCode(200).body("path", nullValue());
        given().when().get("/v1/activity/unknown-sub-path").then().statusCode(404);
    }
}
