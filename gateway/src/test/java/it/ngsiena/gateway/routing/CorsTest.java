package it.ngsiena.gateway.routing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.PlatformTestResource;
import org.junit.jupiter.api.Test;

/**
 * A browser page of a configured origin (here https://frontend.ngsiena.test) may call the gateway and read
 * what it needs; a page of any other origin gets nothing it may read.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class CorsTest {

    static final String FRONTEND = "https://frontend.ngsiena.test";

    @Test
    void aConfiguredOriginsPreflightIsAnsweredWithWhatItMaySend() {
        given().header("Origin", FRONTEND)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,content-type,if-match")
                .when()
                .options("/v1/participation/needs/3fa85f64-5717-4562-b3fc-2c963f66afa6")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONTEND))
                .header("Access-Control-Allow-Methods", containsString("PATCH"))
                .header("Access-Control-Allow-Headers", containsString("If-Match"))
                .header("Access-Control-Allow-Credentials", not(equalTo("true"))); // tokens, never cookies
    }

    @Test
    void aConfiguredOriginReadsTheAnswerAndItsPagingAndVersionHeaders() {
        given().header("Origin", FRONTEND)
                .when()
                .get("/v1/activity")
                .then()
                .statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(FRONTEND))
                .header("Access-Control-Expose-Headers", containsString("ETag"))
                .header("Access-Control-Expose-Headers", containsString("Link"))
                .header("Access-Control-Expose-Headers", containsString("X-Total-Count"))
                .header("Access-Control-Expose-Headers", containsString("Retry-After"))
                .header("Access-Control-Expose-Headers", containsString("X-RateLimit-Remaining"))
                .header("Access-Control-Expose-Headers", containsString("Location"));
    }

    @Test
    void anyOtherOriginIsRefusedAndNeverTold() {
        given().header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .when()
                .options("/v1/participation/needs")
                .then()
                .header("Access-Control-Allow-Origin", nullValue());
        given().header("Origin", "https://evil.example")
                .when()
                .get("/v1/activity")
                .then()
                .statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void callersWithoutAnOriginServersAndToolsAreUnaffected() {
        given().when().get("/v1/activity").then().statusCode(200).header("Access-Control-Allow-Origin", nullValue());
    }
}
