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

    @Test
    void overHttp2ABodyWithoutItsLengthIsCountedAgainstItsRoutesLimit() throws Exception {
        HttpClient http2 =
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_2).build();
        URI courses = URI.create("http://127.0.0.1:" + RestAssured.port + "/v1/training/courses");
        // the first exchange upgrades the connection (h2c); the ones after it are HTTP/2 streams
        http2.send(HttpRequest.newBuilder(courses).GET().build(), HttpResponse.BodyHandlers.discarding());

        HttpResponse<String> empty = http2.send(
                HttpRequest.newBuilder(courses)
                        .POST(HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(empty.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(empty.statusCode()).as(empty.body()).isEqualTo(201);
        assertThat(empty.body()).contains("\"bodyLength\":0");

        HttpResponse<String> known = http2.send(
                HttpRequest.newBuilder(courses)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json(1024)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(known.statusCode()).as(known.body()).isEqualTo(201);
        assertThat(known.body()).contains("\"bodyLength\":1024");

        // without a length the body is counted as it is read, against the route's limit (2 KiB here)
        URI uploads = URI.create("http://127.0.0.1:" + RestAssured.port + "/v1/training/uploads/7");
        HttpResponse<String> withinItsLimit =
                http2.send(unknownLength(uploads, json(2 * 1024)), HttpResponse.BodyHandlers.ofString());
        assertThat(withinItsLimit.version()).isEqualTo(HttpClient.Version.HTTP_2);
        assertThat(withinItsLimit.statusCode()).as(withinItsLimit.body()).isEqualTo(200);
        assertThat(withinItsLimit.body()).contains("\"bodyLength\":2048");
        HttpResponse<String> overItsLimit =
                http2.send(unknownLength(uploads, json(64 * 1024)), HttpResponse.BodyHandlers.ofString());
        assertThat(overItsLimit.statusCode()).as(overItsLimit.body()).isEqualTo(413);
    }

    private static HttpRequest unknownLength(URI uri, String body) {
        return HttpRequest.newBuilder(uri)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body.getBytes())))
                .build();
    }

    /** A JSON document of exactly {@code size} bytes. */
    private static String json(int size) {
        char[] filler = new char[size - "{\"x\":\"\"}".length()];
        Arrays.fill(filler, 'a');
        return "{\"x\":\"" + new String(filler) + "\"}";
    }
}
