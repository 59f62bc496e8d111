package it.ngsiena.gateway.ratelimit;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.PlatformTestResource;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** ModI rate limits at the gateway, with small limits: the headers on every answer, then 429. */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
@TestProfile(RateLimitTest.SmallLimits.class)
class RateLimitTest {

    public static class SmallLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "ngs.gateway.rate-limit.anonymous-reads",
                    "5",
                    "ngs.gateway.rate-limit.writes",
                    "2",
                    "ngs.gateway.rate-limit.failed-authentications",
                    "3");
        }
    }

    @Test
    void anonymousCallersGetTheHeadersOnEveryAnswerThen429WithRetryAfter() {
        for (int i = 1; i <= 5; i++) {
            // an overview, an unknown path, a routed call: every answer says where the caller stands
            String path = i == 2
                    ? "/v1/no-such-thing"
                    : i == 3 ? "/v1/training/courses" : "/v1/municipalities/052032/overview";
            given().when()
                    .get(path)
                    .then()
                    .header("X-RateLimit-Limit", "5")
                    .header("X-RateLimit-Remaining", Integer.toString(5 - i))
                    .header("X-RateLimit-Reset", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"));
        }
        ValidatableResponse refused = given().when()
                .get("/v1/municipalities/052032/overview")
                .then()
                .statusCode(429)
                .contentType("application/problem+json")
                .header("Retry-After", org.hamcrest.Matchers.matchesPattern("[1-9][0-9]?"))
                .header("X-RateLimit-Remaining", "0")
                .body("status", equalTo(429))
                .body("type", equalTo("urn:ngsiena:problem:rate-limited"))
                .body("detail", notNullValue());
        // Health checks are the operators' and the probes': never limited.
        given().when().get("/q/health/live").then().statusCode(200);
        refused.header("X-RateLimit-Limit", "5");
    }

    @Test
    void writesHaveTheirOwnLimitPerTokenSubject() {
        String alice = token("alice");
        given().header("Authorization", alice)
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201)
                .header("X-RateLimit-Limit", "2");
        given().header("Authorization", alice)
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201)
                .header("X-RateLimit-Remaining", "0");
        given().header("Authorization", alice)
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(429)
                .header("Retry-After", notNullValue());
        given().header("Authorization", token("bob"))
                .body("{}")
                .contentType("application/json")
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201);
    }

    @Test
    void anAddressWhoseTokensAreRefusedIsStoppedEvenWithNewTokens() {
        for (int i = 0; i < 3; i++) {
            given().header("Authorization", token("forged-" + i))
                    .when()
                    .get("/v1/training/refuse")
                    .then()
                    .statusCode(401);
        }
        given().header("Authorization", token("forged-new"))
                .when()
                .get("/v1/training/courses")
                .then()
                .statusCode(429)
                .contentType("application/problem+json");
    }

    /** An unsigned token naming a subject: the fake service does not check tokens, the limiter only reads it. */
    private static String token(String subject) {
        java.util.Base64.Encoder b64 = java.util.Base64.getUrlEncoder().withoutPadding();
        return "Bearer " + b64.encodeToString("{\"alg\":\"none\"}".getBytes()) + "."
                + b64.encodeToString(("{\"sub\":\"" + subject + "\"}").getBytes()) + ".x";
    }
}
