package it.ngsiena.participation.solution;

import static io.restassured.RestAssured.given;
import static it.ngsiena.participation.support.Fixtures.CHIUSI;
import static it.ngsiena.participation.support.Fixtures.SIENA;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.security.SecurityAttribute;
import io.quarkus.test.security.TestSecurity;
import io.restassured.http.ContentType;
import it.ngsiena.contracts.participation.SolutionProposed;
import it.ngsiena.participation.need.NeedStatus;
import it.ngsiena.participation.support.Fixtures;
import it.ngsiena.testkit.PlatformTestResource;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlatformTestResource.class)
class SolutionTest {

    static final String IDEA = """
            {"title":"Piattaforma in riuso","description":"Un comune capofila gestisce la piattaforma per tutti",
             "proposerOrganisation":"Comune di Siena"}""";

    @Inject
    Fixtures fixtures;

    @Test
    @TestSecurity(
            user = "officer-siena",
            roles = "municipality-officer",
            attributes = @SecurityAttribute(key = "municipality", value = SIENA))
    void anInvolvedOfficerProposesAndTheIdeaIsListedWithTheNeed() {
        UUID need = fixtures.need(NeedStatus.UNDER_REVIEW, SIENA);
        String location = given().contentType(ContentType.JSON)
                .body(IDEA)
                .when()
                .post("/v1/participation/needs/" + need + "/solutions")
                .then()
                .statusCode(201)
                .header("Location", containsString("/solutions/"))
                .extract()
                .header("Location");
        given().when().get(location).then().statusCode(200).body("title", equalTo("Piattaforma in riuso"));
        given().when()
                .get("/v1/participation/needs/" + need)
                .then()
                .statusCode(200)
                .body("solutions[0].proposerOrganisation", equalTo("Comune di Siena"));
        given().when()
                .get("/v1/participation/needs/" + need + "/solutions")
                .then()
                .statusCode(200)
                .body("items.size()", equalTo(1));
        assertThat(fixtures.events(need, SolutionProposed.TYPE))
                .singleElement()
                .satisfies(e -> assertThat(e.data().get("title").asText()).isEqualTo("Piattaforma in riuso"));

        UUID other = fixtures.need(NeedStatus.UNDER_REVIEW, CHIUSI);
        given().contentType(ContentType.JSON)
                .body(IDEA)
                .when()
                .post("/v1/participation/needs/" + other + "/solutions")
                .then()
                .statusCode(403);
        given().contentType(ContentType.JSON)
                .body(IDEA)
                .when()
                .post("/v1/participation/needs/" + UUID.randomUUID() + "/solutions")
                .then()
                .statusCode(404);
        given().contentType(ContentType.JSON)
                .body("{\"title\":\"\"}")
                .when()
                .post("/v1/participation/needs/" + need + "/solutions")
                .then()
                .statusCode(400);
    }
}
