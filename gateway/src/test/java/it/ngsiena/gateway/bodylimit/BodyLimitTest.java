package it.ngsiena.gateway.bodylimit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.TestSecurity;
import io.restassured.RestAssured;
import it.ngsiena.gateway.FakeServicesResource;
import it.ngsiena.testkit.PlatformTestResource;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * Bodies over their route's limit are refused with 413 before they are read (1 MiB by default; the tests'
 * configuration gives /v1/training/uploads 2 KiB), on routed paths and the gateway's own alike.
 */
@QuarkusTest
@WithTestResource(PlatformTestResource.class)
@WithTestResource(FakeServicesResource.class)
class BodyLimitTest {

    private static final int MIB = 1024 * 1024;

    @Test
    void aBodyOverTheDefaultLimitIsRefusedWith413AndOneAtTheLimitIsForwarded() {
        given().contentType("application/json")
                .body(json(5 * MIB))
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("type", equalTo("urn:ngsiena:problem:payload-too-large"))
                .body("status", equalTo(413))
                .body("instance", equalTo("/v1/training/courses"));
        given().contentType("application/json")
                .body(json(MIB))
                .when()
                .post("/v1/training/courses")
                .then()
                .statusCode(201)
                .body("bodyLength", equalTo(MIB));
    }

    @Test
    void aRouteWithALimitOfItsOwnKeepsIt() {
        given().contentType("application/json")
                .body(json(3 * 1024))
                .when()
                .put("/v1/training/uploads/7")
                .then()
                .statusCode(413);
        given().contentType("application/json")
                .body(json(2 * 1024))
                .when()
                .put("/v1/training/uploads/7")
                .then()
                .statusCode(200)
                .body("bodyLength", equalTo(2 * 1024));
    }

    @Test
    @TestSecurity(user = "admin", roles = "programme-admin")
    void theGatewaysOwnEndpointsHaveTheLimitToo() {
        given().contentType("application/json")
                .body(json(2 * MIB))
                .when()
                .post("/v1/webhooks")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOfUnknownLengthIsRefusedWith411() throws Exception {
        HttpResponse<String> answer = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .build()
                .send(
                        HttpRequest.newBuilder(
                                        URI.create("http://127.0.0.1:" + RestAssured.port + "/v1/training/courses"))
                                .header("Content-Type", "application/json")
                                .POST(HttpRequest.BodyPublishers.ofInputStream(() ->
                                        new ByteArrayInputStream(json(1024).getBytes())))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(411);
        assertThat(answer.headers().firstValue("Content-Type")).contains("application/problem+json");
    }

    /** A JSON document of exactly {@code size} bytes. */
    private static String json(int size) {
        char[] filler = new char[size - "{\"x\":\"\"}".length()];
        Arrays.fill(filler, 'a');
        return "{\"x\":\"" + new String(filler) + "\"}";
    }
}
